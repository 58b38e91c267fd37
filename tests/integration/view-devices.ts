/**
 * A server database and a device copy of it for comparing view results: PouchDB composed as
 * the browser composes it (core + http + replication, plus the app's view engine loaded by
 * `queryView`), with an in-memory store for the device. Test files that use this must not
 * import `pouchdb-node`: its own view plugin would replace the app's on the shared class.
 */
import PouchDB from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import type { Db } from '../../src/lib/db/pouch';
import { door } from './helpers';

PouchDB.plugin(HttpAdapter).plugin(memory).plugin(replication);

let counter = 0;

/** The workspace database `db` through the door as the holder of `cookie`, and a device
 * copy replicated from it (twice: one pass can miss a document written at that instant). */
export async function serverAndDevice(
	db: string,
	cookie: string
): Promise<{ remote: Db; local: Db }> {
	const remote: Db = new PouchDB(door(`/${db}`), {
		skip_setup: true,
		fetch: (u: string | Request, opts?: RequestInit) => {
			const headers = new Headers(opts?.headers);
			headers.set('cookie', cookie);
			return PouchDB.fetch(u, { ...opts, headers });
		}
	});
	const local: Db = new PouchDB(`device-${Date.now()}-${++counter}`, { adapter: 'memory' });
	await local.replicate.from(remote, { batch_size: 500 });
	await local.replicate.from(remote, { batch_size: 500 });
	return { remote, local };
}
