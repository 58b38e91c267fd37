/**
 * The dashboard's last figures, kept on this device so the next visit renders at once
 * (stale-while-revalidate). One `_local` document per scope and range: `_local` documents
 * never replicate and do not move the database's `update_seq`, so the sequence saved with
 * the figures tells whether the documents they were computed from have changed since.
 */
import type { Db } from './pouch';
import type { ReadSource } from './read-best';

/** Figures as saved: `seq` is this device's `update_seq` they match, null if from the server. */
export interface CachedFigures<T> {
	params: string;
	seq: number | string | null;
	source: ReadSource;
	savedAt: string;
	value: T;
}

interface CacheDoc<T> extends CachedFigures<T> {
	_id: string;
	_rev?: string;
}

const docId = (slot: string) => `_local/taskflow-analytics-${slot}`;

/** This device's database sequence: it moves with every document written or pulled. */
export async function localUpdateSeq(db: Db): Promise<number | string> {
	return (await db.info()).update_seq;
}

/** The figures last saved in `slot`, or null. */
export async function readCachedFigures<T>(db: Db, slot: string): Promise<CachedFigures<T> | null> {
	try {
		const doc = (await db.get(docId(slot))) as unknown as CacheDoc<T>;
		return {
			params: doc.params,
			seq: doc.seq,
			source: doc.source,
			savedAt: doc.savedAt,
			value: doc.value
		};
	} catch (err) {
		if ((err as { status?: number }).status === 404) return null;
		throw err;
	}
}

/** Replaces the figures in `slot`; a concurrent save from another tab simply wins. */
export async function saveCachedFigures<T>(
	db: Db,
	slot: string,
	figures: Omit<CachedFigures<T>, 'savedAt'>
): Promise<void> {
	const _id = docId(slot);
	let _rev: string | undefined;
	try {
		_rev = (await db.get(_id))._rev;
	} catch (err) {
		if ((err as { status?: number }).status !== 404) throw err;
	}
	try {
		await db.put({ _id, ...(_rev ? { _rev } : {}), ...figures, savedAt: new Date().toISOString() });
	} catch (err) {
		if ((err as { status?: number }).status !== 409) throw err;
	}
}
