/**
 * Real PouchDB databases in memory for specs of code in src/lib/db: each call to `fresh()`
 * opens a new one, and `destroyAll()` (in `afterEach`) removes them.
 */
import PouchDB from 'pouchdb-node';
import memory from 'pouchdb-adapter-memory';
import type { Db } from '../../src/lib/db/pouch';

PouchDB.plugin(memory);

let counter = 0;

export function memoryDbs(prefix: string) {
	const open: Db[] = [];
	return {
		fresh(): Db {
			const db: Db = new PouchDB(`${prefix}-${++counter}`, { adapter: 'memory' });
			open.push(db);
			return db;
		},
		async destroyAll(): Promise<void> {
			await Promise.all(open.splice(0).map((db) => db.destroy()));
		}
	};
}
