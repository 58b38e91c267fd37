/**
 * Reads of the activity log. Activity documents are many and append-only, so they are not
 * held in memory like tasks: a pouchdb-find index on `[type, task, at]` answers "what
 * happened to this task" from IndexedDB.
 *
 * pouchdb-find stores its index as a local `_design/` document; sync never pushes design
 * documents (see sync-engine.ts), so the index stays on this device.
 */
import type { TaskId } from '../domain/ids';
import type { Activity } from '../domain/schemas/activity.schema';
import type { Db } from './pouch';

const INDEX = {
	fields: ['type', 'task', 'at'],
	name: 'activity-by-task',
	ddoc: 'tf-activity-by-task'
};

const ready = new WeakMap<Db, Promise<unknown>>();

/** Create the index once per database handle (idempotent in PouchDB as well). */
export function ensureActivityIndex(db: Db): Promise<unknown> {
	let p = ready.get(db);
	if (!p) {
		p = db.createIndex({ index: INDEX });
		ready.set(db, p);
	}
	return p;
}

/** A task's activity, newest first. */
export async function taskActivity(db: Db, task: TaskId, limit = 100): Promise<Activity[]> {
	await ensureActivityIndex(db);
	const res = await db.find({
		selector: { type: 'activity', task, at: { $gt: null } },
		sort: [{ type: 'desc' }, { task: 'desc' }, { at: 'desc' }],
		use_index: INDEX.ddoc,
		limit
	});
	return res.docs as unknown as Activity[];
}
