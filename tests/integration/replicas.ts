/**
 * Test devices: in-memory PouchDB replicas that write through the app's own repositories
 * (same clocks, validation and activity log as the browser) and sync one-shot through the
 * door, repairing conflicts the way the app does.
 */
import PouchDB from 'pouchdb-node';
import memory from 'pouchdb-adapter-memory';
import { ConflictRepairer } from '../../src/lib/db/conflict-repair';
import type { Db } from '../../src/lib/db/pouch';
import { TasksRepo } from '../../src/lib/db/tasks.repo';
import { Writer } from '../../src/lib/db/writer';

PouchDB.plugin(memory);
let counter = 0;

export interface Replica {
	readonly name: string;
	readonly db: Db;
	readonly tasks: TasksRepo;
	readonly repairer: ConflictRepairer;
	online: boolean;
}

/** The server copy through the door, as `user` (basic auth: no session to expire mid-run). */
export function remoteDb(url: string, user: string, password: string): Db {
	const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
	return new PouchDB(url, {
		skip_setup: true,
		fetch: (u: string | Request, opts?: RequestInit) => {
			const headers = new Headers(opts?.headers);
			headers.set('authorization', authorization);
			return PouchDB.fetch(u, { ...opts, headers });
		}
	});
}

export function newReplica(user: string, replica: string): Replica {
	const db = new PouchDB(`replica-${replica}-${++counter}`, { adapter: 'memory' });
	return {
		name: replica,
		db,
		tasks: new TasksRepo(db, new Writer(user, replica)),
		repairer: new ConflictRepairer(db, user),
		online: true
	};
}

/** Push then pull (limited to `docIds` when given), then repair; returns docs written. */
export async function syncOnce(r: Replica, remote: Db, docIds?: string[]): Promise<number> {
	const opts = docIds ? { doc_ids: docIds } : {};
	// Checkpoints kept on the device only: fewer round trips, same documents moved.
	const [push, pull] = await Promise.all([
		r.db.replicate.to(remote, { ...opts, checkpoint: 'source' }),
		r.db.replicate.from(remote, { ...opts, checkpoint: 'target' })
	]);
	await r.repairer.repairAll();
	return push.docs_written + pull.docs_written;
}

/** Sync every replica until a whole round writes nothing (convergence, not one pass). */
export async function syncUntilQuiet(
	replicas: Replica[],
	remote: Db,
	docIds?: string[]
): Promise<void> {
	for (let round = 0; round < 12; round++) {
		let written = 0;
		for (const r of replicas) written += await syncOnce(r, remote, docIds);
		if (written === 0 && round > 0) return;
	}
	throw new Error('replicas did not become quiet within 12 rounds');
}
