/**
 * Background view indexing for the embedded server, as CouchDB 3 does with its `ken`
 * indexer: a while after writes to a database settle, every view of its design documents
 * is brought up to date, so the first read after an import, a seed or a big sync (the
 * analytics dashboard, the reminders worker's restart) does not wait for an index build.
 * Real CouchDB needs nothing from us here. Builds run one view at a time, off any request.
 */

/** The slice of a PouchDB database the warmer uses. */
export interface WarmableDb {
	allDocs(opts: object): Promise<{ rows: { id: string; doc?: unknown }[] }>;
	query(view: string, opts: object): Promise<unknown>;
}

export interface ViewWarmer {
	/** A write to `name` happened (or is about to): warm its views once writes settle. */
	noteWrite(name: string, db: WarmableDb): void;
	/** Cancels what is scheduled and waits for the view being built, if any. */
	stop(): Promise<void>;
}

interface DbState {
	db: WarmableDb;
	timer: ReturnType<typeof setTimeout> | null;
	firstWrite: number;
	running: Promise<void> | null;
	dirty: boolean;
}

/**
 * `quietMs`: how long writes must pause before warming; `maxDelayMs`: warm anyway once the
 * first unwarmed write is this old, so a steady trickle of writes cannot postpone it forever.
 */
export function createViewWarmer({ quietMs = 1_000, maxDelayMs = 10_000 } = {}): ViewWarmer {
	const dbs = new Map<string, DbState>();
	let stopped = false;

	function schedule(name: string, st: DbState) {
		if (stopped) return;
		if (st.timer) clearTimeout(st.timer);
		const wait = Math.max(0, Math.min(quietMs, st.firstWrite + maxDelayMs - Date.now()));
		st.timer = setTimeout(() => {
			st.timer = null;
			st.dirty = false;
			st.running = warmAll(st.db, () => stopped).finally(() => {
				st.running = null;
				if (st.dirty) {
					st.firstWrite = Date.now();
					schedule(name, st);
				}
			});
		}, wait);
		st.timer.unref?.();
	}

	return {
		noteWrite(name, db) {
			if (stopped) return;
			let st = dbs.get(name);
			if (!st) {
				st = { db, timer: null, firstWrite: Date.now(), running: null, dirty: false };
				dbs.set(name, st);
			}
			st.db = db;
			if (st.running) {
				st.dirty = true;
				return;
			}
			if (!st.timer) st.firstWrite = Date.now();
			schedule(name, st);
		},
		async stop() {
			stopped = true;
			for (const st of dbs.values()) if (st.timer) clearTimeout(st.timer);
			await Promise.all([...dbs.values()].map((st) => st.running ?? Promise.resolve()));
		}
	};
}

/** Brings every view of every design document of `db` up to date; never throws. */
export async function warmAll(db: WarmableDb, cancelled: () => boolean): Promise<void> {
	try {
		const ddocs = await db.allDocs({
			startkey: '_design/',
			endkey: '_design/\uffff',
			include_docs: true
		});
		for (const row of ddocs.rows) {
			const views = (row.doc as { views?: Record<string, unknown> } | undefined)?.views ?? {};
			for (const view of Object.keys(views)) {
				if (cancelled()) return;
				// `reduce=false&limit=0` updates the index and reads nothing from it.
				await db
					.query(`${row.id.slice('_design/'.length)}/${view}`, { reduce: false, limit: 0 })
					.catch(() => undefined);
			}
		}
	} catch {
		// The database went away (deleted, or the server is closing): nothing to warm.
	}
}
