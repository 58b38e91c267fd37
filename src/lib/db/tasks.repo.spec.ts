/**
 * Edits paint before they are stored: TasksRepo previews a patch on the tab's live
 * collection, which the stored revision then replaces, or which is taken back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryDbs } from '../../../tests/support/memory-pouch';
import type { ProjectId, TaskId } from '../domain/ids';
import type { Task } from '../domain/schemas/task.schema';
import { EditJournal } from './edit-journal';
import { LiveCollection } from './live-collection.svelte';
import { TasksRepo } from './tasks.repo';
import { Writer } from './writer';

const dbs = memoryDbs('tasks-repo');
afterEach(() => dbs.destroyAll());

const PROJECT = 'project:01J0000000000000000000000P' as ProjectId;
const isTask = (doc: unknown): doc is Task => (doc as { type?: unknown })?.type === 'task';

async function setup() {
	const db = dbs.fresh();
	const tasks = new LiveCollection(db, 'task:', isTask);
	await tasks.start();
	const writer = new Writer('olivia', 'dev1');
	const repo = new TasksRepo(db, writer, undefined, tasks);
	const task = await new TasksRepo(db, writer).create({
		project: PROJECT,
		title: 'Check the pump',
		rank: 'a0'
	});
	await vi.waitFor(() => expect(tasks.get(task._id)?._rev).toBe(task._rev));
	return { db, tasks, repo, id: task._id as TaskId, stored: task };
}

describe('TasksRepo edits of a shown task', () => {
	it('show the edit at once, then the stored revision', async () => {
		const { db, tasks, repo, id, stored } = await setup();
		const saving = repo.update(id, { status: 'in_progress' });
		// Synchronously, before any IndexedDB round trip.
		expect(tasks.get(id)?.status).toBe('in_progress');
		expect(tasks.get(id)?._rev).toBe(stored._rev);
		const saved = await saving;
		expect(tasks.get(id)).toBe(saved);
		expect(saved._rev).toMatch(/^2-/);
		expect((await db.get<Task>(id)).status).toBe('in_progress');
	});

	it('keep a later edit on top while an earlier one is being stored', async () => {
		const { tasks, repo, id } = await setup();
		const first = repo.update(id, { status: 'in_progress' });
		const second = repo.update(id, { title: 'Check the valve' });
		expect(tasks.get(id)).toMatchObject({ status: 'in_progress', title: 'Check the valve' });
		await first;
		// The first write's revision is stored beneath the second edit, which still shows.
		expect(tasks.get(id)).toMatchObject({ status: 'in_progress', title: 'Check the valve' });
		const saved = await second;
		expect(tasks.get(id)).toBe(saved);
		expect(saved).toMatchObject({ status: 'in_progress', title: 'Check the valve' });
		expect(saved._rev).toMatch(/^3-/);
	});

	it('store a burst of edits in order, all of them, however fast they come', async () => {
		const { db, tasks, repo, id } = await setup();
		const statuses = ['in_progress', 'todo'] as const;
		const writes = Array.from({ length: 30 }, (_, i) =>
			repo.update(id, { status: statuses[i % 2]!, estimate: i + 1 })
		);
		expect(tasks.get(id)).toMatchObject({ status: 'todo', estimate: 30 });
		const saved = await Promise.all(writes);
		expect(saved.map((t) => t.estimate)).toEqual(writes.map((_, i) => i + 1));
		const stored = await db.get<Task>(id);
		expect(stored).toMatchObject({ status: 'todo', estimate: 30 });
		expect(stored._rev).toMatch(/^31-/);
		expect(tasks.get(id)).toEqual(stored);
	});

	it('take the edit back when the write fails', async () => {
		const { db, tasks, repo, id, stored } = await setup();
		vi.spyOn(db, 'put').mockRejectedValueOnce(new Error('disk error'));
		const saving = repo.update(id, { priority: 'urgent' });
		expect(tasks.get(id)?.priority).toBe('urgent');
		await expect(saving).rejects.toThrow('disk error');
		expect(tasks.get(id)).toEqual(stored);
	});

	it('do not preview an invalid edit, which the write refuses', async () => {
		const { tasks, repo, id, stored } = await setup();
		const saving = repo.update(id, { title: '   ' });
		expect(tasks.get(id)?.title).toBe(stored.title);
		await expect(saving).rejects.toThrow();
		expect(tasks.get(id)).toEqual(stored);
	});

	it('show the stored task when it already had the change', async () => {
		const { db, tasks, repo, id, stored } = await setup();
		expect(tasks.get(id)?._rev).toBe(stored._rev);
		// Another tab finished the task; this tab's copy has not heard of it (its feed is off).
		tasks.stop();
		const other = new TasksRepo(db, new Writer('olivia', 'dev2'));
		const elsewhere = await other.update(id, { status: 'done' });
		const saved = await repo.update(id, { status: 'done' });
		expect(saved._rev).toBe(elsewhere._rev);
		expect(tasks.get(id)?._rev).toBe(elsewhere._rev);
	});

	it('leave a newer revision alone when taking an edit back', async () => {
		const { tasks, id, stored } = await setup();
		const takeBack = tasks.preview({ ...stored, title: 'Preview' });
		const newer = { ...stored, _rev: '2-b', title: 'From the server' };
		tasks.apply(newer);
		takeBack();
		expect(tasks.get(id)).toBe(newer);
	});
});

/** localStorage as the journal sees it, in memory. */
function memoryStorage() {
	const m = new Map<string, string>();
	return {
		getItem: (k: string) => m.get(k) ?? null,
		setItem: (k: string, v: string) => void m.set(k, v),
		removeItem: (k: string) => void m.delete(k),
		key: (i: number) => [...m.keys()][i] ?? null,
		get length() {
			return m.size;
		},
		keys: () => [...m.keys()]
	};
}

describe('TasksRepo journal: an edit painted is not lost to a reload', () => {
	async function withJournal(page: string, storage = memoryStorage()) {
		const base = await setup();
		const journal = new EditJournal('ws', () => storage, page);
		const repo = new TasksRepo(
			base.db,
			new Writer('olivia', 'dev1'),
			undefined,
			base.tasks,
			journal
		);
		return { ...base, repo, storage };
	}

	it('keeps the edit until it is stored, then forgets it', async () => {
		const { repo, id, storage } = await withJournal('page-a');
		const saving = repo.update(id, { priority: 'high' });
		expect(storage.keys()).toHaveLength(1);
		await saving;
		expect(storage.keys()).toHaveLength(0);
	});

	it('replays an edit whose page went before it was stored, and only that', async () => {
		const storage = memoryStorage();
		const { db, tasks, id, stored } = await withJournal('page-a', storage);
		// The page that went: its journal entries stay, its writes never happened.
		const gone = new EditJournal('ws', () => storage, 'page-gone');
		const writer = new Writer('olivia', 'dev1');
		gone.record(id, { priority: 'urgent' }, writer.context().stamp);
		gone.draft(id, { title: 'Check the pump twice' }, writer.context().stamp);
		// An edit another live page is making right now is left to that page.
		new EditJournal('ws', () => storage, 'page-live').record(
			id,
			{ due: '2027-01-04' },
			writer.context().stamp
		);

		const next = new TasksRepo(
			db,
			new Writer('olivia', 'dev1'),
			undefined,
			tasks,
			new EditJournal('ws', () => storage, 'page-b')
		);
		expect(await next.replayJournal(new Set(['page-b', 'page-live']))).toBe(2);
		const now = await db.get<Task>(id);
		expect(now).toMatchObject({
			priority: 'urgent',
			title: 'Check the pump twice',
			due: stored.due
		});
		expect(storage.keys()).toEqual([expect.stringContaining('page-live')]);
		// Replaying again changes nothing.
		expect(await next.replayJournal(new Set(['page-b', 'page-live']))).toBe(0);
		expect((await db.get<Task>(id))._rev).toBe(now._rev);
	});

	it('does not replay over a later edit, nor an edit that was stored', async () => {
		const storage = memoryStorage();
		const { db, tasks, id } = await withJournal('page-a', storage);
		const writer = new Writer('olivia', 'dev1');
		const gone = new EditJournal('ws', () => storage, 'page-gone');
		gone.record(id, { priority: 'urgent' }, writer.context().stamp);
		gone.record(id, { status: 'review' }, writer.context().stamp);
		// Stored after both were journalled: a later priority, and the status edit itself.
		const live = new TasksRepo(db, writer, undefined, tasks);
		await live.update(id, { priority: 'low', status: 'review' });
		const before = await db.get<Task>(id);
		const next = new TasksRepo(
			db,
			writer,
			undefined,
			tasks,
			new EditJournal('ws', () => storage, 'page-b')
		);
		expect(await next.replayJournal(new Set(['page-b']))).toBe(0);
		expect(await db.get<Task>(id)).toMatchObject({ priority: 'low', _rev: before._rev });
	});
});
