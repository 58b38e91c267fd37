import { describe, expect, it } from 'vitest';
import { explainWriteFailure, isAbortedWrite, looksFull, StorageFullError } from './storage-full';

const MB = 1024 * 1024;
/** What PouchDB's indexeddb adapter rejects with when the quota aborts a transaction. */
const aborted = () => ({
	status: 500,
	name: 'unknown_error',
	error: true,
	message: 'Database encountered an unknown error',
	reason: 'transaction was aborted'
});

describe('explainWriteFailure', () => {
	it('names a quota error a full device', async () => {
		const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		expect(await explainWriteFailure(quota, () => Promise.resolve(null))).toBeInstanceOf(
			StorageFullError
		);
	});

	it('names an aborted write a full device only when the device is nearly out of room', async () => {
		const full = () => Promise.resolve({ usage: 99.5 * MB, quota: 100 * MB });
		const roomy = () => Promise.resolve({ usage: 10 * MB, quota: 100 * MB });
		expect(await explainWriteFailure(aborted(), full)).toBeInstanceOf(StorageFullError);
		const err = aborted();
		expect(await explainWriteFailure(err, roomy)).toBe(err);
		expect(await explainWriteFailure(err, () => Promise.resolve(null))).toBe(err);
	});

	it('leaves other failures alone, even on a full device', async () => {
		const conflict = { status: 409, name: 'conflict', reason: 'Document update conflict' };
		const full = () => Promise.resolve({ usage: 100 * MB, quota: 100 * MB });
		expect(await explainWriteFailure(conflict, full)).toBe(conflict);
		expect(isAbortedWrite(new Error('boom'))).toBe(false);
	});
});

describe('looksFull', () => {
	it('takes less than 5 MB or 2 % left for full', () => {
		expect(looksFull({ usage: 96 * MB, quota: 100 * MB })).toBe(true);
		expect(looksFull({ usage: 90 * MB, quota: 100 * MB })).toBe(false);
		expect(looksFull({ usage: 9.81 * 1024 * MB, quota: 10 * 1024 * MB })).toBe(true);
		expect(looksFull({ usage: 9.7 * 1024 * MB, quota: 10 * 1024 * MB })).toBe(false);
		expect(looksFull({})).toBe(false);
		expect(looksFull(null)).toBe(false);
	});
});
