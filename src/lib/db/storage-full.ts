/**
 * Telling a full device from other write failures. IndexedDB reports a full quota as a
 * `QuotaExceededError`, but PouchDB's `indexeddb` adapter turns an aborted transaction into
 * `unknown_error: transaction was aborted` and drops the cause. So a failed local write
 * whose error says nothing about quota is checked against the storage estimate: if the
 * device is (nearly) out of room, that is what the user is told.
 */
import { errorMessage } from './error-message';

/** The device ran out of storage: the write did not happen, and the UI keeps the input. */
export class StorageFullError extends Error {
	constructor() {
		super(
			'This device is out of storage space, so the change was not saved. Free some space ' +
				'(or clear other sites’ data) and try again; nothing already saved is affected.'
		);
		this.name = 'StorageFullError';
	}
}

/** Whether an error names the quota itself. */
export function isQuotaError(err: unknown): boolean {
	const text = `${errorMessage(err)} ${(err as { name?: string } | null)?.name ?? ''}`;
	return /quota/i.test(text);
}

/** Whether an error is one an aborted IndexedDB transaction leaves behind. */
export function isAbortedWrite(err: unknown): boolean {
	if (!err || typeof err !== 'object') return false;
	const e = err as { status?: unknown; name?: unknown; error?: unknown };
	const name = typeof e.name === 'string' ? e.name : typeof e.error === 'string' ? e.error : '';
	return e.status === 500 && /unknown_error|indexed_db_went_bad|idb_error/.test(name);
}

export interface StorageEstimateLike {
	usage?: number;
	quota?: number;
}

/** Room left below which a failed write is taken for a full device: 2 % or 5 MB. */
export function looksFull(estimate: StorageEstimateLike | null): boolean {
	if (!estimate || typeof estimate.quota !== 'number' || typeof estimate.usage !== 'number') {
		return false;
	}
	const left = estimate.quota - estimate.usage;
	return left < Math.max(5 * 1024 * 1024, estimate.quota * 0.02);
}

async function estimate(): Promise<StorageEstimateLike | null> {
	try {
		return (await globalThis.navigator?.storage?.estimate?.()) ?? null;
	} catch {
		return null;
	}
}

/** The error to show for a failed local write: `StorageFullError` when the device is full. */
export async function explainWriteFailure(
	err: unknown,
	readEstimate: () => Promise<StorageEstimateLike | null> = estimate
): Promise<unknown> {
	if (err instanceof StorageFullError) return err;
	if (isQuotaError(err)) return new StorageFullError();
	if (isAbortedWrite(err) && looksFull(await readEstimate())) return new StorageFullError();
	return err;
}

/** Awaits a local write, turning a full device's failure into a `StorageFullError`. */
export async function explained<T>(write: Promise<T>): Promise<T> {
	try {
		return await write;
	} catch (err) {
		throw await explainWriteFailure(err);
	}
}
