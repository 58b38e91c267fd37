/** Baseline for local writes: plain IndexedDB, no PouchDB, same documents. */

function open(name: string): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(name, 1);
		req.onupgradeneeded = () => req.result.createObjectStore('docs', { keyPath: '_id' });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('indexedDB.open failed'));
	});
}

function write(db: IDBDatabase, docs: object[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction('docs', 'readwrite');
		const store = tx.objectStore('docs');
		for (const d of docs) store.put(d);
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
	});
}

/**
 * Writes `docs` in transactions of `perTx` documents into a fresh database and returns the
 * time of each transaction (put → complete), then deletes the database.
 */
export async function rawIdbPut(name: string, docs: object[], perTx: number): Promise<number[]> {
	const db = await open(name);
	const times: number[] = [];
	for (let i = 0; i < docs.length; i += perTx) {
		const t0 = performance.now();
		await write(db, docs.slice(i, i + perTx));
		times.push(performance.now() - t0);
	}
	db.close();
	await new Promise((r) => {
		const req = indexedDB.deleteDatabase(name);
		req.onsuccess = req.onerror = req.onblocked = r;
	});
	return times;
}
