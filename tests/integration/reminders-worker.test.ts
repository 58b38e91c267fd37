/**
 * The reminders worker against the real server, with an injected clock: each kind fires
 * once for the right people; due-soon and overdue fire at their thresholds and never twice;
 * a restart resumes from its checkpoint without gaps or duplicates; two workers at once
 * write each notification once; a revoked member stops receiving; preferences (kinds off,
 * quiet hours) are honoured. Dates are in 2031, far from the real clock.
 */
import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionUserDb } from '../../couchdb/provision';
import { userDbName } from '../../src/lib/domain/ids';
import type { Notification } from '../../src/lib/domain/schemas/notification.schema';
import { defaultPrefs, type Prefs } from '../../src/lib/domain/schemas/prefs.schema';
import { RemindersWorker } from '../../src/lib/server/workers/reminders-worker';
import type { WorkspaceWorkers } from '../../src/lib/server/workers/workspace-workers';
import {
	createUser,
	newComment,
	newTask,
	ownerWithWorkspace,
	setMember,
	uniqueName
} from './helpers';
import { adminCouch, eventually, startTestWorker } from './worker-fixtures';

const couch = adminCouch();

type Doc = Record<string, unknown> & { _id: string };

describe('reminders worker', () => {
	let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
	let dbName: string;
	let ana: string;
	let ben: string;
	let clock = new Date('2031-03-01T09:00:00Z');
	const running: WorkspaceWorkers[] = [];
	const project = `project:${ulid()}`;

	const db = () => couch.use<Doc>(dbName);
	const inbox = async (user: string) =>
		(
			await couch
				.use<Notification>(userDbName(user))
				.list({ startkey: 'notification:', endkey: 'notification:\uffff', include_docs: true })
		).rows.map((r) => r.doc as Notification & { _rev: string });
	const kinds = async (user: string) => (await inbox(user)).map((n) => n.kind).sort();
	const setPrefs = async (user: string, patch: Partial<Prefs>) => {
		const userDb = couch.use<Doc>(userDbName(user));
		const old = await userDb.get('prefs').catch(() => null);
		const base = defaultPrefs(user, new Date().toISOString());
		await userDb.insert({ ...base, ...patch, ...(old ? { _rev: old._rev } : {}) });
	};
	const activity = (over: Record<string, unknown> & { actor: string }): Doc => ({
		_id: `activity:${ulid()}`,
		type: 'activity',
		action: 'update',
		project,
		field: null,
		at: clock.toISOString(),
		createdBy: over.actor,
		...over
	});
	/** Writes a task and its creation entry, as `by` would. */
	const createTask = async (by: string, over: Doc | Record<string, unknown> = {}) => {
		const task = { ...newTask(by), project, ...over };
		const act = activity({ action: 'create', doc: task._id, task: task._id, actor: by });
		for (const r of await db().bulk({ docs: [task, act] })) expect(r.error).toBeUndefined();
		return { task, act };
	};
	const startWorker = async () => {
		const runner = await startTestWorker(
			couch,
			new RemindersWorker({ couch, now: () => clock }),
			dbName
		);
		running.push(runner);
		return runner;
	};

	beforeAll(async () => {
		owner = await ownerWithWorkspace('rem');
		dbName = owner.ws.db;
		ana = uniqueName('ana');
		ben = uniqueName('ben');
		for (const u of [ana, ben]) await createUser(u, ['tf.user', `ws.${owner.ws.id}.member`]);
		for (const u of [owner.name, ana, ben]) await provisionUserDb(couch, u);
		await setPrefs(owner.name, {
			notifications: { assigned: true, dueSoon: true, overdue: true, statusChanged: true }
		});
		await setPrefs(ben, { timeZone: 'UTC' });
		await startWorker();
	});

	afterAll(async () => {
		await Promise.all(running.map((r) => r.stop()));
	});

	it('tells the assignee and the people mentioned, not the one who acted', async () => {
		const { task, act } = await createTask(owner.name, {
			assignee: ana,
			description: `Parts list: ask @${ben} first`
		});
		const assigned = await eventually(async () => (await inbox(ana))[0] ?? null);
		expect(assigned).toMatchObject({
			_id: `notification:assigned:${act._id.slice(9)}`,
			kind: 'assigned',
			workspace: owner.ws.id,
			task: task._id,
			actor: owner.name,
			readAt: null,
			quiet: false
		});
		const mention = await eventually(async () => (await inbox(ben))[0] ?? null);
		expect(mention.kind).toBe('mention');
		expect(mention.to).toContain(`@${ben}`);
		expect(await inbox(owner.name)).toEqual([]);

		// Ana starts it: the reporter (who asked for status changes) hears of it, Ana does not.
		await db().insert(
			activity({
				doc: task._id,
				task: task._id,
				field: 'status',
				from: 'todo',
				to: 'in_progress',
				actor: ana
			})
		);
		const status = await eventually(async () => (await inbox(owner.name))[0] ?? null);
		expect(status).toMatchObject({ kind: 'status', from: 'To do', to: 'In progress', actor: ana });

		// A comment mentioning Ana; Ben (who turned status changes off) hears nothing more.
		const comment = { ...newComment(owner.name, task._id), body: `@${ana} can you check?` };
		await db().bulk({
			docs: [
				comment,
				activity({ action: 'create', doc: comment._id, task: task._id, actor: owner.name })
			]
		});
		await eventually(async () => (await kinds(ana)).join() === 'assigned,mention');
		expect(await kinds(ben)).toEqual(['mention']);
		for (const n of [...(await inbox(ana)), ...(await inbox(ben))]) expect(n._rev).toMatch(/^1-/);
	});

	it('fires due-soon at each lead and overdue once, at the thresholds', async () => {
		const { task } = await createTask(owner.name, { assignee: ben, due: '2031-03-10' });
		const runner = running[0]!;
		await eventually(async () => (await kinds(ben)).includes('assigned'));
		const reminders = async () =>
			(await inbox(ben)).filter((n) => n.kind === 'due_soon' || n.kind === 'overdue');

		clock = new Date('2031-03-09T23:59:00Z'); // due moment: 2031-03-11T00:00Z (UTC)
		await runner.tick();
		expect(await reminders()).toEqual([]);
		clock = new Date('2031-03-10T00:00:30Z');
		await runner.tick();
		await runner.tick();
		expect((await reminders()).map((n) => n._id)).toEqual([
			`notification:due_soon:${task._id.slice(5)}:2031-03-10:24h`
		]);
		clock = new Date('2031-03-10T23:15:00Z');
		await runner.tick();
		clock = new Date('2031-03-11T00:05:00Z');
		await runner.tick();
		await runner.tick();
		const all = await reminders();
		expect(all.map((n) => n.kind).sort()).toEqual(['due_soon', 'due_soon', 'overdue']);
		expect(all.find((n) => n.kind === 'overdue')!.at).toBe('2031-03-11T00:00:00.000Z');
		for (const n of all) expect(n._rev).toMatch(/^1-/);
	});

	it('resumes after a restart without gaps or duplicates, also with two workers', async () => {
		const first = running.pop()!;
		await first.stop();
		clock = new Date('2031-03-12T09:00:00Z');
		const before = (await inbox(ana)).length;
		const created = [];
		for (let i = 0; i < 3; i++) created.push(await createTask(owner.name, { assignee: ana }));

		const [a, b] = [await startWorker(), await startWorker()];
		await eventually(async () => (await inbox(ana)).length === before + 3);
		await Promise.all([a.idle(), b.idle()]);
		await new Promise((r) => setTimeout(r, 300));
		const notes = await inbox(ana);
		expect(notes).toHaveLength(before + 3);
		for (const c of created) {
			expect(
				notes.find((n) => n._id === `notification:assigned:${c.act._id.slice(9)}`)?._rev
			).toMatch(/^1-/);
		}
		expect(a.status().errors + b.status().errors).toBe(0);
		await b.stop();
		running.pop();
	});

	it('stops notifying a member whose access was revoked', async () => {
		await setMember(owner.ws.id, ben, null);
		const before = (await inbox(ben)).length;
		// One bulk: Ben's assignment and Ana's; when Ana's arrives, Ben's was decided too.
		const t1 = { ...newTask(owner.name), project, assignee: ben };
		const t2 = { ...newTask(owner.name), project, assignee: ana };
		const acts = [t1, t2].map((t) =>
			activity({ action: 'create', doc: t._id, task: t._id, actor: owner.name })
		);
		await db().bulk({ docs: [t1, t2, ...acts] });
		await eventually(async () =>
			(await inbox(ana)).some((n) => n._id === `notification:assigned:${acts[1]!._id.slice(9)}`)
		);
		expect(await inbox(ben)).toHaveLength(before);
		await setMember(owner.ws.id, ben, 'member');
	});

	it('tells the assignee of a dependent task when its blocker is done', async () => {
		const { task: blocker } = await createTask(owner.name, { title: 'Order parts' });
		const { task: dependent } = await createTask(owner.name, {
			title: 'Fit the parts',
			assignee: ben,
			dependencies: [blocker._id]
		});
		await db().insert(
			activity({
				doc: blocker._id,
				task: blocker._id,
				field: 'status',
				from: 'todo',
				to: 'done',
				actor: owner.name
			})
		);
		const note = await eventually(
			async () => (await inbox(ben)).find((n) => n.kind === 'unblocked') ?? null
		);
		expect(note).toMatchObject({
			task: dependent._id,
			title: 'Fit the parts',
			from: 'Order parts'
		});
	});

	it('honours kinds that are off and quiet hours', async () => {
		await setPrefs(ana, {
			notifications: {
				assigned: false,
				dueSoon: true,
				overdue: true,
				statusChanged: true,
				mentioned: true
			},
			quietHours: { from: '08:00', to: '10:00' },
			timeZone: 'UTC'
		});
		clock = new Date('2031-03-13T09:00:00Z');
		const before = await inbox(ana);
		const { task } = await createTask(owner.name, { assignee: ana, description: `hi @${ana}` });
		const quiet = await eventually(
			async () =>
				(await inbox(ana)).find((n) => n.task === task._id && n.kind === 'mention') ?? null
		);
		expect(quiet.quiet).toBe(true);
		expect((await inbox(ana)).filter((n) => n.task === task._id)).toHaveLength(1);
		expect((await inbox(ana)).length).toBe(before.length + 1);
	});
});
