import { describe, expect, it } from 'vitest';
import type { ProjectId } from '../domain/ids';
import { createTask } from '../domain/task-ops';
import { createDoc, StorageFullError } from './doc-writes';
import type { Db } from './pouch';
import { Writer } from './writer';

/** A database whose storage is full: every write fails the way IndexedDB reports it. */
function fullDisk() {
	const writes: string[] = [];
	const quota = () =>
		Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
	const db = {
		put: (doc: { _id: string }) => (writes.push(doc._id), quota()),
		bulkDocs: (docs: { _id: string }[]) => (writes.push(...docs.map((d) => d._id)), quota())
	} as unknown as Db;
	return { db, writes };
}

describe('writes on a full device', () => {
	it('fail with a plain explanation and write no activity for the lost write', async () => {
		const { db, writes } = fullDisk();
		const writer = new Writer('olivia', 'dev1');
		const project = 'project:01J0000000000000000000000P' as ProjectId;
		const attempt = createDoc(
			db,
			writer,
			(ctx) => createTask({ project, title: 'Photos', rank: 'a0' }, ctx),
			(t) => ({ doc: t._id })
		);
		await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
		await expect(attempt).rejects.toThrow(/out of storage space/);
		expect(writes).toHaveLength(1);
		expect(writes[0]).toMatch(/^task:/);
	});
});
