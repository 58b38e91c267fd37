/**
 * Repeating tasks across devices: two devices complete the same occurrence while offline,
 * each creates the next occurrence locally, and after syncing through the real server
 * there is exactly one next occurrence — same id, no conflict left. The server refuses
 * malformed rules just as the UI does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TaskId } from '../../src/lib/domain/ids';
import { occurrenceId, withRule } from '../../src/lib/domain/recurrence-ops';
import type { Task } from '../../src/lib/domain/schemas/task.schema';
import type { Db } from '../../src/lib/db/pouch';
import { as, door, newTask, ownerWithWorkspace } from './helpers';
import { newReplica, remoteDb, syncUntilQuiet, type Replica } from './replicas';

const PROJECT = 'project:01JRECVRRNC000000000000000' as const;

async function tasksOf(db: Db): Promise<(Task & { _conflicts?: string[] })[]> {
	const res = await db.allDocs<Task>({
		startkey: 'task:',
		endkey: 'task:\ufff0',
		include_docs: true,
		conflicts: true
	});
	return res.rows.map((r) => r.doc!);
}

describe('recurring tasks across devices', () => {
	let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
	let remote: Db;
	beforeAll(async () => {
		owner = await ownerWithWorkspace('recur');
		remote = remoteDb(door(`/${owner.ws.db}`), owner.name, owner.password);
	});

	async function sharedRepeatingTask(a: Replica, b: Replica, rule: string): Promise<Task> {
		const created = await a.tasks.create({
			project: PROJECT,
			title: `Water the plants ${a.name}`,
			rank: 'a0',
			due: '2026-03-23'
		});
		const task = await a.tasks.update(created._id as TaskId, {
			recurrence: withRule(created, { rule, mode: 'schedule' }, 'Europe/Berlin')
		});
		await syncUntilQuiet([a, b], remote);
		return task;
	}

	it('two devices completing the same occurrence offline make one next occurrence', async () => {
		const a = newReplica(owner.name, 'reca');
		const b = newReplica(owner.name, 'recb');
		const task = await sharedRepeatingTask(a, b, 'FREQ=WEEKLY;BYDAY=MO');
		const nextId = occurrenceId(task.recurrence!.series, 1);

		// Offline: both complete it; A also reopens and completes it again.
		await a.tasks.update(task._id as TaskId, { status: 'done' });
		await b.tasks.update(task._id as TaskId, { status: 'done' });
		await a.tasks.update(task._id as TaskId, { status: 'todo' });
		await a.tasks.update(task._id as TaskId, { status: 'done' });
		for (const r of [a, b]) {
			const local = (await tasksOf(r.db)).filter(
				(t) => t.recurrence?.series === task.recurrence!.series
			);
			expect(local.map((t) => [t._id, t.recurrence!.index, t.due])).toEqual(
				expect.arrayContaining([[nextId, 1, '2026-03-30']])
			);
			expect(local).toHaveLength(2);
		}

		await syncUntilQuiet([a, b], remote);

		const onServer = (await tasksOf(remote)).filter(
			(t) => t.recurrence?.series === task.recurrence!.series
		);
		expect(onServer).toHaveLength(2);
		const next = onServer.find((t) => t._id === nextId)!;
		expect(next).toMatchObject({ status: 'todo', due: '2026-03-30', title: task.title });
		expect(next._conflicts ?? []).toEqual([]);
		const original = onServer.find((t) => t._id === task._id)!;
		expect(original.status).toBe('done');
		for (const r of [a, b]) {
			const local = await r.db.get<Task>(nextId, { conflicts: true });
			expect(local._rev).toBe(next._rev);
		}
	});

	it('a rule edited offline on one device decides the next occurrence after merging', async () => {
		const a = newReplica(owner.name, 'reea');
		const b = newReplica(owner.name, 'reeb');
		const task = await sharedRepeatingTask(a, b, 'FREQ=WEEKLY;BYDAY=MO');
		const id = task._id as TaskId;
		const nextId = occurrenceId(task.recurrence!.series, 1);

		await b.tasks.update(id, { status: 'done' });
		// A edits the rule later (a later clock), then completes.
		await a.tasks.update(id, {
			recurrence: withRule(task, { rule: 'FREQ=MONTHLY;BYDAY=-1FR', mode: 'schedule' })
		});
		await a.tasks.update(id, { status: 'done' });
		expect((await b.db.get<Task>(nextId)).due).toBe('2026-03-30');
		expect((await a.db.get<Task>(nextId)).due).toBe('2026-03-27');

		await syncUntilQuiet([a, b], remote);
		const next = await remote.get<Task>(nextId, { conflicts: true });
		expect(next._conflicts ?? []).toEqual([]);
		// One document; its fields come from the later writes (A's), on every device.
		expect(next.due).toBe('2026-03-27');
		expect(next.recurrence!.rule).toBe('FREQ=MONTHLY;BYDAY=-1FR');
		for (const r of [a, b]) expect((await r.db.get<Task>(nextId))._rev).toBe(next._rev);
	});

	it('the server refuses a task with a malformed repeat rule', async () => {
		const doc = newTask(owner.name, 'Bad rule');
		const url = door(`/${owner.ws.db}/${encodeURIComponent(doc._id)}`);
		const recurrence = {
			rule: 'FREQ=HOURLY',
			mode: 'schedule',
			zone: 'UTC',
			series: doc._id.slice(5),
			index: 0
		};
		const bad = await as(owner.cookie, url, { method: 'PUT', json: { ...doc, recurrence } });
		expect(bad.status).toBe(403);
		expect(((await bad.json()) as { reason: string }).reason).toMatch(/recurrence\.rule/);
		const good = { ...doc, recurrence: { ...recurrence, rule: 'FREQ=DAILY' } };
		const ok = await as(owner.cookie, url, { method: 'PUT', json: good });
		expect(ok.status).toBe(201);
	});
});
