/**
 * Conflict repair on real (in-memory) PouchDB: two devices edit one task while apart, their
 * revisions meet, and the repair must keep every edit — also when the document moves
 * under it while it works.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { memoryDbs } from '../../../tests/support/memory-pouch';
import type { ProjectId, TaskId } from '../domain/ids';
import type { Task } from '../domain/schemas/task.schema';
import { ConflictRepairer } from './conflict-repair';
import type { Db } from './pouch';
import { TasksRepo } from './tasks.repo';
import { Writer } from './writer';

const dbs = memoryDbs('conflict-repair');
afterEach(() => dbs.destroyAll());

const PROJECT = 'project:01J0000000000000000000000P' as ProjectId;
const TEXT = 'Check the pump.\nLog the pressure.';

/** Two devices with one task, written on A and copied to B, then both offline. */
async function twoDevices() {
	const a = dbs.fresh();
	const b = dbs.fresh();
	const repoA = new TasksRepo(a, new Writer('alice', 'deva'));
	const repoB = new TasksRepo(b, new Writer('bob', 'devb'));
	const task = await repoA.create({ project: PROJECT, title: 'Pump check', rank: 'a0' });
	const id = task._id as TaskId;
	await repoA.update(id, { description: TEXT });
	await a.replicate.to(b);
	return { a, b, repoA, repoB, id };
}

/** Both ways, as sync does. */
const meet = async (x: Db, y: Db) => {
	await x.replicate.to(y);
	await y.replicate.to(x);
};

const leaves = async (db: Db, id: string) =>
	((await db.get(id, { conflicts: true })) as { _conflicts?: string[] })._conflicts ?? [];

const history = async (db: Db, id: string) =>
	(await db.allDocs({ startkey: 'activity:', endkey: 'activity:\ufff0', include_docs: true })).rows
		.map(
			(r) =>
				r.doc as unknown as {
					action: string;
					task: string;
					field: string;
					from: unknown;
					lostBy?: string;
				}
		)
		.filter((e) => e.task === id && e.action === 'merge');

describe('ConflictRepairer', () => {
	it('writes a clean text merge of two edits, says so, and keeps both sides restorable', async () => {
		const { a, b, repoA, repoB, id } = await twoDevices();
		await repoA.update(id, { description: 'Check the pump and valve.\nLog the pressure.' });
		await repoB.update(id, { description: 'Check the pump.\nLog the pressure twice.' });
		await meet(a, b);
		expect((await leaves(a, id)).length).toBe(1);

		expect(await new ConflictRepairer(a, 'alice').repair(id)).toBe(true);
		const task = await a.get<Task>(id, { conflicts: true });
		expect(task.description).toBe('Check the pump and valve.\nLog the pressure twice.');
		expect((task as { _conflicts?: string[] })._conflicts).toBeUndefined();
		expect(task.merge).toMatchObject({ fields: ['description'], with: ['alice', 'bob'] });
		const rows = await history(a, id);
		expect(rows.map((r) => r.lostBy).sort()).toEqual(['alice', 'bob']);
	});

	it('never deletes a branch whose values are not yet written, when the winner moves meanwhile', async () => {
		const { a, b, repoA, repoB, id } = await twoDevices();
		await repoA.update(id, { title: 'Title from A' });
		await repoB.update(id, { priority: 'high' });
		await meet(a, b);
		// A replicated child of the winning leaf arrives between the repair's reads and its
		// first write (another device edited the winner and synced at that moment).
		const third = dbs.fresh();
		await a.replicate.to(third);
		const winner = await third.get<Task>(id);
		const repoC = new TasksRepo(third, new Writer('carol', 'devc'));
		await repoC.update(id, { status: 'review' });
		// The first write of the repair, whatever it is, finds the child already there.
		let injected = false;
		const inject = async () => {
			if (injected) return;
			injected = true;
			await third.replicate.to(a);
		};
		const put = a.put.bind(a);
		const bulkDocs = a.bulkDocs.bind(a);
		a.put = (async (...args: unknown[]) => {
			await inject();
			return (put as (...x: unknown[]) => Promise<unknown>)(...args);
		}) as typeof a.put;
		a.bulkDocs = (async (...args: unknown[]) => {
			await inject();
			return (bulkDocs as (...x: unknown[]) => Promise<unknown>)(...args);
		}) as typeof a.bulkDocs;
		expect(winner._rev).toBeTruthy();

		await new ConflictRepairer(a, 'alice').repair(id);
		a.put = put;
		a.bulkDocs = bulkDocs;
		await new ConflictRepairer(a, 'alice').repairAll();
		const task = await a.get<Task>(id, { conflicts: true });
		expect(injected).toBe(true);
		expect((task as { _conflicts?: string[] })._conflicts).toBeUndefined();
		// Every edit survives: A's title, B's priority, C's status.
		expect(task).toMatchObject({ title: 'Title from A', priority: 'high', status: 'review' });
	});

	it('converges a time entry edited on two devices of its user, keeping the later edit', async () => {
		const a = dbs.fresh();
		const b = dbs.fresh();
		const at = (m: number) => new Date(Date.UTC(2026, 10, 1, 10, m)).toISOString();
		const entry = {
			_id: 'time:01J0000000000000000000000E',
			type: 'time',
			user: 'ann',
			task: 'task:01J0000000000000000000000T',
			project: PROJECT,
			start: at(0),
			end: at(30),
			minutes: 30,
			note: 'pump',
			billable: false,
			createdBy: 'ann',
			createdAt: at(30),
			updatedAt: at(30)
		};
		const { rev } = await a.put(entry);
		await a.replicate.to(b);
		await a.put({ ...entry, _rev: rev, note: 'pump and valve', updatedAt: at(40) });
		await b.put({ ...entry, _rev: rev, end: at(45), minutes: 45, updatedAt: at(50) });
		await meet(a, b);
		expect((await leaves(a, entry._id)).length).toBe(1);
		const repairer = new ConflictRepairer(a, 'ann');
		expect(await repairer.repairAll()).toBe(1);
		const kept = await a.get<typeof entry>(entry._id, { conflicts: true });
		expect((kept as { _conflicts?: string[] })._conflicts).toBeUndefined();
		expect(kept).toMatchObject({ minutes: 45, note: 'pump' });
		const rows = await history(a, entry.task);
		expect(rows.map((r) => [r.field, r.from])).toContainEqual(['note', 'pump and valve']);
	});
});
