import { describe, expect, it } from 'vitest';
import { CARRY_KEY, CARRY_MAX_AGE_MS, CarryOver, type CarryStorage } from './carry-over';

function memoryStorage(): CarryStorage & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => void data.set(k, v),
		removeItem: (k) => void data.delete(k)
	};
}

const URL_A = 'http://app/w/1/p/2?task=t1';

describe('CarryOver', () => {
	it('carries what open forms hold across a reload, once', () => {
		const storage = memoryStorage();
		let clock = 1000;
		const before = new CarryOver(
			() => storage,
			() => clock
		);
		before.keep('new-task', () => ({ title: 'Half typed' }));
		before.keep('comment:t1', () => 'A comment not sent yet');
		expect(before.save(URL_A)).toBe(true);

		clock += 3000;
		const after = new CarryOver(
			() => storage,
			() => clock
		); // the reloaded page
		expect(after.has('new-task', URL_A)).toBe(true);
		expect(after.take('new-task', URL_A)).toEqual({ title: 'Half typed' });
		expect(after.take('new-task', URL_A)).toBeNull();
		expect(after.take<string>('comment:t1', URL_A)).toBe('A comment not sent yet');
		expect(storage.data.has(CARRY_KEY)).toBe(false);
	});

	it('writes nothing when no open form holds anything', () => {
		const storage = memoryStorage();
		const carry = new CarryOver(() => storage);
		carry.keep('new-task', () => null);
		carry.keep('comment:t1', () => undefined);
		expect(carry.save(URL_A)).toBe(false);
		expect(storage.data.size).toBe(0);
	});

	it('forgets a form once it closes', () => {
		const storage = memoryStorage();
		const carry = new CarryOver(() => storage);
		const close = carry.keep('new-task', () => 'x');
		close();
		expect(carry.save(URL_A)).toBe(false);
	});

	it('keeps the newer registration when an older one closes late', () => {
		const storage = memoryStorage();
		const carry = new CarryOver(() => storage);
		const closeOld = carry.keep('comment:t1', () => 'old');
		carry.keep('comment:t1', () => 'new');
		closeOld();
		carry.save(URL_A);
		expect(carry.take('comment:t1', URL_A)).toBe('new');
	});

	it('drops what was saved for another address or too long ago', () => {
		const storage = memoryStorage();
		let clock = 0;
		const carry = new CarryOver(
			() => storage,
			() => clock
		);
		carry.keep('new-task', () => 'x');
		carry.save(URL_A);
		expect(carry.take('new-task', 'http://app/other')).toBeNull();
		expect(storage.data.has(CARRY_KEY)).toBe(false);

		carry.save(URL_A);
		clock += CARRY_MAX_AGE_MS + 1;
		expect(carry.take('new-task', URL_A)).toBeNull();
	});

	it('survives unreadable or unavailable storage', () => {
		const storage = memoryStorage();
		storage.setItem(CARRY_KEY, '{not json');
		const carry = new CarryOver(() => storage);
		expect(carry.take('new-task', URL_A)).toBeNull();
		expect(storage.data.has(CARRY_KEY)).toBe(false);

		const none = new CarryOver(() => null);
		none.keep('new-task', () => 'x');
		expect(none.save(URL_A)).toBe(false);
		expect(none.take('new-task', URL_A)).toBeNull();

		const full = memoryStorage();
		full.setItem = () => {
			throw new Error('QuotaExceededError');
		};
		const carryFull = new CarryOver(() => full);
		carryFull.keep('new-task', () => 'x');
		expect(carryFull.save(URL_A)).toBe(false);
	});
});
