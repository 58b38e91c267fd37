/**
 * View answers kept until their database changes, for the embedded server. A view's rows
 * depend only on the database's documents (design documents included), and every write
 * moves `update_seq`, so an answer computed at one sequence is the answer at that sequence.
 * CouchDB stores reductions in its index and needs no such thing; PouchDB's engine re-reads
 * and re-reduces every row in range on each query (a warm dashboard: eight reads of every
 * task and time entry).
 */

/** The slice of a PouchDB database the cache needs. */
export interface CacheableDb {
	info(): Promise<{ update_seq: number | string }>;
}

interface Entry {
	seq: number | string;
	rows: number;
	result: unknown;
}

/** Rows kept in all, over every database; a full answer of 10,000 rows is ~2 MB of JSON. */
const MAX_ROWS = 200_000;
/** The `query` options that are not about the answer (express-pouchdb adds them). */
const NOT_KEY = new Set(['userCtx', 'secObj']);

const entries = new Map<string, Entry>();
let rowsHeld = 0;

// By database object, not name: a database deleted and made again starts its sequence over.
const dbIds = new WeakMap<CacheableDb, number>();
let nextDbId = 0;

function keyOf(db: CacheableDb, fun: string, opts: object): string {
	let id = dbIds.get(db);
	if (id === undefined) dbIds.set(db, (id = nextDbId++));
	const parts = Object.entries(opts)
		.filter(([k]) => !NOT_KEY.has(k))
		.sort(([a], [b]) => a.localeCompare(b));
	return `${id}\u0000${fun}\u0000${JSON.stringify(parts)}`;
}

function forget(key: string) {
	const old = entries.get(key);
	if (!old) return;
	entries.delete(key);
	rowsHeld -= old.rows;
}

/**
 * `run(opts)` answers the query; its answer is reused while `db`'s `update_seq` stays the
 * same. Temporary views (a function, not a name) are not cached.
 */
export async function cachedQuery(
	db: CacheableDb,
	fun: unknown,
	opts: object,
	run: (opts: object) => Promise<unknown>
): Promise<unknown> {
	if (typeof fun !== 'string') return run(opts);
	const key = keyOf(db, fun, opts);
	// The sequence is read first: a write during the query only makes the entry look older.
	const { update_seq: seq } = await db.info();
	const hit = entries.get(key);
	if (hit && hit.seq === seq) {
		// Least recently used goes first: move this one to the end.
		entries.delete(key);
		entries.set(key, hit);
		return hit.result;
	}
	// The engine changes the options it is given; the key was taken from the caller's.
	const result = await run({ ...opts });
	const rows = (result as { rows?: unknown[] } | null)?.rows?.length ?? 0;
	forget(key);
	if (rows <= MAX_ROWS / 4) {
		entries.set(key, { seq, rows: rows + 1, result });
		rowsHeld += rows + 1;
		for (const k of entries.keys()) {
			if (rowsHeld <= MAX_ROWS) break;
			forget(k);
		}
	}
	return result;
}
