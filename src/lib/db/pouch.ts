/**
 * The one place that assembles PouchDB for the browser.
 *
 * We compose the packages `pouchdb-browser` is built from (core, http, replication,
 * map/reduce) with the newer `indexeddb` adapter instead of `pouchdb-browser`'s bundled
 * `idb` one. The `indexeddb` adapter stores each document once instead of per revision in
 * several object stores, which makes writes and `allDocs` faster, and composing avoids
 * shipping two copies of PouchDB's utilities (46.6 KB gzip instead of 67.3 KB for
 * `pouchdb-browser` + the adapter plugin, measured with esbuild --minify).
 */
import PouchDB from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import find from 'pouchdb-find';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

PouchDB.plugin(IndexedDbAdapter)
	.plugin(HttpAdapter)
	.plugin(replication)
	.plugin(mapreduce)
	.plugin(find);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- PouchDB's own default
export type Db = PouchDB.Database<{}>;

/** Open (creating if needed) a database in this browser's IndexedDB. */
export function openLocalDb(name: string): Db {
	return new PouchDB(name, { adapter: 'indexeddb', auto_compaction: true });
}

/** The server copy of a database, through the app's own `/db/` door (cookie session). */
export function openRemoteDb(name: string, origin = location.origin): Db {
	return new PouchDB(`${origin}/db/${name}`, {
		adapter: 'http',
		skip_setup: true,
		fetch: (url: string | Request, opts?: RequestInit) =>
			fetch(url, { ...opts, credentials: 'same-origin' })
	});
}

/** A PouchDB/CouchDB error's HTTP status, if it has one. */
export function errorStatus(err: unknown): number | undefined {
	if (err && typeof err === 'object' && 'status' in err && typeof err.status === 'number') {
		return err.status;
	}
	return undefined;
}

/** A readable message for a PouchDB/CouchDB error. */
export function errorMessage(err: unknown): string {
	if (err && typeof err === 'object') {
		const e = err as { reason?: unknown; message?: unknown; name?: unknown };
		if (typeof e.reason === 'string' && e.reason) return e.reason;
		if (typeof e.message === 'string' && e.message) return e.message;
		if (typeof e.name === 'string') return e.name;
	}
	return String(err);
}

/** Whether a write failed because the browser's storage quota is exhausted. */
export function isQuotaError(err: unknown): boolean {
	const text = `${errorMessage(err)} ${(err as { name?: string })?.name ?? ''}`;
	return /quota/i.test(text);
}
