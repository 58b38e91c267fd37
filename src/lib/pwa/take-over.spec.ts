import { describe, expect, it } from 'vitest';
import { takeOver, type TakeOverPorts } from './take-over';

function harness(withWaiting = true) {
	const messages: unknown[] = [];
	let controllerChange: (() => void) | null = null;
	let stateChange: (() => void) | null = null;
	let reloads = 0;
	const worker = {
		state: 'installed',
		postMessage: (m: unknown) => messages.push(m),
		onStateChange: (listener: () => void) => (stateChange = listener)
	};
	const ports: TakeOverPorts = {
		waiting: withWaiting ? worker : null,
		onControllerChange: (listener) => (controllerChange = listener),
		reload: () => reloads++
	};
	return {
		ports,
		messages,
		setState(state: string) {
			worker.state = state;
			stateChange?.();
		},
		fireControllerChange: () => controllerChange?.(),
		reloads: () => reloads
	};
}

describe('takeOver', () => {
	it('asks the waiting worker to skip waiting and reloads when it takes charge', () => {
		const h = harness();
		takeOver(h.ports);
		expect(h.messages).toEqual([{ type: 'SKIP_WAITING' }]);
		expect(h.reloads()).toBe(0);
		h.fireControllerChange();
		expect(h.reloads()).toBe(1);
	});

	it('reloads when the worker is activated even if the controller change was missed', () => {
		const h = harness();
		takeOver(h.ports);
		h.setState('activating');
		expect(h.reloads()).toBe(0);
		h.setState('activated');
		expect(h.reloads()).toBe(1);
	});

	it('never reloads while the worker is still held back', () => {
		const h = harness();
		takeOver(h.ports);
		h.setState('installed');
		expect(h.reloads()).toBe(0);
	});

	it('reloads when the waiting worker was replaced', () => {
		const h = harness();
		takeOver(h.ports);
		h.setState('redundant');
		expect(h.reloads()).toBe(1);
	});

	it('reloads only once however it gets there', () => {
		const h = harness();
		takeOver(h.ports);
		h.fireControllerChange();
		h.setState('activated');
		h.fireControllerChange();
		expect(h.reloads()).toBe(1);
	});

	it('reloads at once when nothing is waiting any more', () => {
		const h = harness(false);
		takeOver(h.ports);
		expect(h.reloads()).toBe(1);
		expect(h.messages).toEqual([]);
	});
});
