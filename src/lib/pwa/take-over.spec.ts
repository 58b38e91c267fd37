import { describe, expect, it } from 'vitest';
import { takeOver, type TakeOverPorts } from './take-over';

function harness(withWaiting = true) {
	const messages: unknown[] = [];
	const timers: { callback: () => void; ms: number }[] = [];
	let controllerChange: (() => void) | null = null;
	let reloads = 0;
	const ports: TakeOverPorts = {
		waiting: withWaiting ? { postMessage: (m) => messages.push(m) } : null,
		onControllerChange: (listener) => (controllerChange = listener),
		reload: () => reloads++,
		setTimer: (callback, ms) => timers.push({ callback, ms })
	};
	return {
		ports,
		messages,
		timers,
		fireControllerChange: () => controllerChange?.(),
		reloads: () => reloads
	};
}

describe('takeOver', () => {
	it('asks the waiting worker to skip waiting and reloads when it takes charge', () => {
		const h = harness();
		takeOver(h.ports, 4000);
		expect(h.messages).toEqual([{ type: 'SKIP_WAITING' }]);
		expect(h.reloads()).toBe(0);
		h.fireControllerChange();
		expect(h.reloads()).toBe(1);
	});

	it('reloads anyway when the new worker is held back past the grace period', () => {
		const h = harness();
		takeOver(h.ports, 4000);
		expect(h.timers.map((t) => t.ms)).toEqual([4000]);
		h.timers[0]!.callback();
		expect(h.reloads()).toBe(1);
	});

	it('reloads only once when the worker takes charge and the timer also fires', () => {
		const h = harness();
		takeOver(h.ports);
		h.fireControllerChange();
		h.timers[0]!.callback();
		h.fireControllerChange();
		expect(h.reloads()).toBe(1);
	});

	it('reloads at once when nothing is waiting any more', () => {
		const h = harness(false);
		takeOver(h.ports);
		expect(h.reloads()).toBe(1);
		expect(h.messages).toEqual([]);
		expect(h.timers).toEqual([]);
	});
});
