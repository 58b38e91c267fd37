import { describe, expect, it } from 'vitest';
import { submitOnce } from './submit-once';

/** A promise with its resolve and reject at hand, standing in for a slow sign-in. */
function deferred() {
	let resolve!: () => void;
	let reject!: (err: Error) => void;
	const promise = new Promise<void>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

describe('submitOnce', () => {
	it('is busy from the first call until the work settles, and reports each change', async () => {
		const seen: boolean[] = [];
		const once = submitOnce((b) => seen.push(b));
		const request = deferred();
		const ran = once.run(() => request.promise);
		// Synchronously: the button disables before anything else can happen.
		expect(once.busy).toBe(true);
		expect(seen).toEqual([true]);
		request.resolve();
		await expect(ran).resolves.toBe(true);
		expect(once.busy).toBe(false);
		expect(seen).toEqual([true, false]);
	});

	it('refuses a second submit (Enter, double click) while the first is in flight', async () => {
		const once = submitOnce();
		const request = deferred();
		let calls = 0;
		const work = () => {
			calls++;
			return request.promise;
		};
		const first = once.run(work);
		const again = [once.run(work), once.run(work), once.run(work)];
		await expect(Promise.all(again)).resolves.toEqual([false, false, false]);
		expect(calls).toBe(1);
		request.resolve();
		await expect(first).resolves.toBe(true);
	});

	it('comes back after an error, which the form shows, and lets the user retry', async () => {
		const seen: boolean[] = [];
		const once = submitOnce((b) => seen.push(b));
		const request = deferred();
		const first = once.run(() => request.promise);
		request.reject(new Error('Wrong user name or password.'));
		await expect(first).rejects.toThrow('Wrong user name or password.');
		expect(once.busy).toBe(false);
		await expect(once.run(() => Promise.resolve())).resolves.toBe(true);
		expect(seen).toEqual([true, false, true, false]);
	});

	it('stays busy through what the work awaits after the request, e.g. navigating away', async () => {
		const once = submitOnce();
		const navigation = deferred();
		const done = once.run(async () => {
			await Promise.resolve(); // the sign-in answered
			await navigation.promise; // then goto() to the workspace
		});
		await Promise.resolve();
		await Promise.resolve();
		expect(once.busy).toBe(true);
		await expect(once.run(() => Promise.resolve())).resolves.toBe(false);
		navigation.resolve();
		await done;
		expect(once.busy).toBe(false);
	});

	it('clears busy when the work throws before its first await', async () => {
		const once = submitOnce();
		await expect(
			once.run(() => {
				throw new Error('boom');
			})
		).rejects.toThrow('boom');
		expect(once.busy).toBe(false);
	});
});
