import { afterEach, describe, expect, it } from 'vitest';
import { memoryDbs } from '../../../tests/support/memory-pouch';
import type { ProjectId } from '../domain/ids';
import type { Task } from '../domain/schemas/task.schema';
import { createTask } from '../domain/task-ops';
import { createDoc, StorageFullError } from './doc-writes';
import type { Db } from './pouch';
import { Writer } from './writer';

const project = 'project:01J0000000000000000000000P' as ProjectId;
const dbs = memoryDbs('doc-writes');
afterEach(() => dbs.destroyAll());

/** A database whose storage is full: every write fails the way IndexedDB reports it. */
function fullDisk() {
	const calls: string[][] = [];
	const quota = () =>
		Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
	const db = {
		put: (doc: { _id: string }) => (calls.push([doc._id]), quota()),
		bulkDocs: (docs: { _id: string }[]) => (calls.push(docs.map((d) => d._id)), quota())
	} as unknown as Db;
	return { db, calls };
}

const photos = (db: Db, writer = new Writer('olivia', 'dev1'), id?: string) =>
	createDoc(
		db,
		writer,
		(ctx) => {
			const t = createTask({ project, title: 'Photos', rank: 'a0' }, ctx);
			return id ? { ...t, _id: id } : t;
		},
		(t) => ({ doc: t._id, task: t._id, project: t.project })
	);

const activityIds = async (db: Db) =>
	(await db.allDocs({ startkey: 'activity:', endkey: 'activity:\uffff' })).rows.map((r) => r.id);

describe('createDoc', () => {
	it('stores the document and its activity line together', async () => {
		const db = dbs.fresh();
		const task = await photos(db);
		await expect(db.get<Task>(task._id)).resolves.toMatchObject({
			title: 'Photos',
			_rev: task._rev
		});
		const lines = await activityIds(db);
		expect(lines).toHaveLength(1);
		await expect(db.get(lines[0]!)).resolves.toMatchObject({ action: 'create', doc: task._id });
	});

	it('refuses an id already taken and leaves no activity line for it', async () => {
		const db = dbs.fresh();
		const first = await photos(db);
		await expect(photos(db, new Writer('olivia', 'dev2'), first._id)).rejects.toMatchObject({
			status: 409
		});
		expect(await activityIds(db)).toHaveLength(1);
		await expect(db.get<Task>(first._id)).resolves.toMatchObject({ _rev: first._rev });
	});

	it('on a full device fails with a plain explanation, in one write for both', async () => {
		const { db, calls } = fullDisk();
		const attempt = photos(db);
		await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
		await expect(attempt).rejects.toThrow(/out of storage space/);
		expect(calls).toHaveLength(1);
		expect(calls[0]!.map((id) => id.split(':')[0])).toEqual(['task', 'activity']);
	});
});
