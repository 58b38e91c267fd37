/**
 * The one place that assembles PouchDB for the browser.
 *
 * We compose the packages `pouchdb-browser` is built from (core, http, replication)
 * with the newer `indexeddb` adapter instead of `pouchdb-browser`'s bundled
 * `idb` one. The `indexeddb` adapter stores each document once instead of per revision in
 * several object stores, which makes writes and `allDocs` faster, and composing avoids
 * shipping two copies of PouchDB's utilities (46.6 KB gzip instead of 67.3 KB for
 * `pouchdb-browser` + the adapter plugin, measured with esbuild --minify).
 */
/// <reference types="pouchdb-mapreduce" />
import PouchDB from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import find from 'pouchdb-find';
import replication from 'pouchdb-replication';
import { noteServerDate } from './server-time';
export { errorMessage } from './error-message';

PouchDB.plugin(IndexedDbAdapter).plugin(HttpAdapter).plugin(replication).plugin(find);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- PouchDB's own default
export type Db = PouchDB.Database<{}>;

/** Changes per step when a view index catches up (see `openLocalDb`). */
const VIEW_BATCH = 500;
/** Listeners a local database may have before PouchDB's emitter warns (see `openLocalDb`). */
const LISTENERS = 32;
/** How long a server `info()` answer is reused (see `openRemoteDb`). */
const INFO_FRESH_MS = 2_000;

/** Open (creating if needed) a database in this browser's IndexedDB. */
export function openLocalDb(name: string): Db {
	const db: Db = new PouchDB(name, {
		adapter: 'indexeddb',
		auto_compaction: true,
		// View indexes catch up 500 changes per step rather than PouchDB's 50: fewer
		// IndexedDB transactions per document when a view is first built after a big sync.
		view_update_changes_batch_size: VIEW_BATCH
	} as PouchDB.Configuration.DatabaseConfiguration);
	// Every live changes feed and replication on a database listens for its 'destroyed'
	// event. An open workspace has about a dozen by design (the change hub, pending
	// tracker, conflict repair, two sync lanes each way), past Node's warning at ten.
	db.setMaxListeners(LISTENERS);
	return db;
}

/** The server copy of a database, through the app's own `/db/` door (cookie session). */
export function openRemoteDb(name: string, origin = location.origin): Db {
	const db: Db = new PouchDB(`${origin}/db/${name}`, {
		adapter: 'http',
		skip_setup: true,
		fetch: async (url: string | Request, opts?: RequestInit) => {
			const res = await fetch(url, { ...opts, credentials: 'same-origin' });
			noteServerDate(res.headers.get('date'));
			return res;
		}
	});
	// PouchDB 9's replication reads the source's `info()` after every batch only to report
	// progress (activeTasks) and never handles its failure, so a connection dropping at that
	// moment became an unhandled rejection. Progress is all it is used for: a failed read
	// answers with the last one instead (replication itself still sees and retries errors).
	// It is also one request per batch per lane, competing with the replication's own for
	// the browser's six connections per host: a read less than INFO_FRESH_MS old, or one
	// still on its way, is shared.
	const info = db.info.bind(db);
	let last: PouchDB.Core.DatabaseInfo = { db_name: name, doc_count: 0, update_seq: 0 };
	let lastAt = -Infinity;
	let inFlight: Promise<PouchDB.Core.DatabaseInfo> | null = null;
	db.info = () => {
		if (inFlight) return inFlight;
		if (performance.now() - lastAt < INFO_FRESH_MS) return Promise.resolve(last);
		inFlight = info()
			.then(
				(i) => ((lastAt = performance.now()), (last = i)),
				() => last
			)
			.finally(() => (inFlight = null));
		return inFlight;
	};
	return db;
}

/** A PouchDB/CouchDB error's HTTP status, if it has one. */
export function errorStatus(err: unknown): number | undefined {
	if (err && typeof err === 'object' && 'status' in err && typeof err.status === 'number') {
		return err.status;
	}
	return undefined;
}
