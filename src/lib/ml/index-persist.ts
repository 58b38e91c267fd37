/**
 * Keeps each workspace's embedding index in IndexedDB (one record per database and model),
 * so a reload neither re-embeds nor retrains. Failures (private mode, quota) only cost a
 * rebuild: the index is a cache of what the tasks already say.
 */
import type { SerializedIndex } from './heads/task-index';

const DB_NAME = 'taskflow-ml';
const STORE = 'indexes';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
	});
}

function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest): Promise<T> {
	return open().then(
		(db) =>
			new Promise<T>((resolve, reject) => {
				const tx = db.transaction(STORE, mode);
				const req = op(tx.objectStore(STORE));
				tx.oncomplete = () => {
					db.close();
					resolve(req.result as T);
				};
				tx.onerror = tx.onabort = () => {
					db.close();
					reject(tx.error ?? new Error('IndexedDB transaction failed'));
				};
			})
	);
}

/** The stored index for `key`, or null. */
export async function loadIndex(key: string): Promise<SerializedIndex | null> {
	try {
		return (await run<SerializedIndex | undefined>('readonly', (s) => s.get(key))) ?? null;
	} catch {
		return null;
	}
}

/** Stores the index for `key`; errors are swallowed (see the module comment). */
export async function saveIndex(key: string, data: SerializedIndex): Promise<void> {
	try {
		await run('readwrite', (s) => s.put(data, key));
	} catch (err) {
		console.warn('could not keep the suggestion index', err);
	}
}
