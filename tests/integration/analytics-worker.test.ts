/**
 * The analytics worker against the real server, with an injected clock: one snapshot per
 * live project and day from the views; a day's snapshot keeps its figures after later edits;
 * a restart resumes from its `_local` checkpoint; two instances write one document; a tick
 * on a new day writes snapshots with no changes; members cannot write snapshots; and an app
 * server with the default configuration runs the workers itself.
 */
import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startAppServer } from '../support/app-server';
import { snapshotId } from '../../src/lib/analytics/snapshots';
import type { Snapshot } from '../../src/lib/domain/schemas/snapshot.schema';
import { AnalyticsWorker } from '../../src/lib/server/workers/analytics-worker';
import type { WorkspaceWorkers } from '../../src/lib/server/workers/workspace-workers';
import { as, door, newTask, ownerWithWorkspace, type TestDoc } from './helpers';
import { adminCouch, eventually, startTestWorker } from './worker-fixtures';

const couch = adminCouch();

function project(user: string, name: string, archived = false): TestDoc {
	const t = new Date().toISOString();
	return {
		_id: `project:${ulid()}`,
		type: 'project',
		name,
		description: '',
		color: 'blue',
		archived,
		clocks: {},
		createdBy: user,
		createdAt: t,
		updatedAt: t
	};
}

describe('analytics worker', () => {
	let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
	let dbName: string;
	let live: TestDoc;
	let shelved: TestDoc;
	let tasks: TestDoc[];
	let clock = new Date('2031-03-03T10:00:00Z');
	const running: WorkspaceWorkers[] = [];

	const db = () => couch.use<Record<string, unknown>>(dbName);
	const snapshot = async (day: string, p = live._id) =>
		(await db()
			.get(snapshotId(p, day))
			.catch(() => null)) as unknown as (Snapshot & { _rev: string }) | null;
	const startWorker = async () => {
		const runner = await startTestWorker(
			couch,
			new AnalyticsWorker({ couch, now: () => clock, settleMs: 50 }),
			dbName
		);
		running.push(runner);
		return runner;
	};

	beforeAll(async () => {
		owner = await ownerWithWorkspace('snap');
		dbName = owner.ws.db;
		live = project(owner.name, 'Pumps');
		shelved = project(owner.name, 'Old', true);
		tasks = [2, 2, 2, 1, 1].map((estimate, i) => ({
			...newTask(owner.name, `Task ${i}`),
			project: live._id,
			estimate,
			status: i < 3 ? 'todo' : 'done',
			completedAt: i < 3 ? null : new Date().toISOString()
		}));
		const trashed = {
			...newTask(owner.name),
			project: live._id,
			deletedAt: new Date().toISOString()
		};
		const res = await db().bulk({
			docs: [live, shelved, ...tasks, trashed, { ...newTask(owner.name), project: shelved._id }]
		});
		for (const r of res) expect(r.error).toBeUndefined();
		tasks = tasks.map((t) => ({ ...t, _rev: res.find((r) => r.id === t._id)!.rev }));
	});

	afterAll(async () => {
		await Promise.all(running.map((r) => r.stop()));
	});

	it('writes one snapshot per live project for the day, from the views', async () => {
		await startWorker();
		const s = await eventually(() => snapshot('2031-03-03'));
		expect(s).toMatchObject({
			type: 'snapshot',
			project: live._id,
			day: '2031-03-03',
			counts: { todo: 3, in_progress: 0, review: 0, done: 2 },
			remainingEstimate: 6,
			takenAt: '2031-03-03T10:00:00.000Z'
		});
		expect(await snapshot('2031-03-03', shelved._id)).toBeNull();
	});

	it('keeps a day’s figures after later edits, which go to the next day', async () => {
		clock = new Date('2031-03-04T09:00:00Z');
		const gone = tasks.slice(0, 2).map((t) => ({ ...t, deletedAt: clock.toISOString() }));
		for (const r of await db().bulk({ docs: gone })) expect(r.error).toBeUndefined();
		const next = await eventually(async () => {
			const s = await snapshot('2031-03-04');
			return s && s.counts.todo === 1 ? s : null;
		});
		expect(next.remainingEstimate).toBe(2);
		expect((await snapshot('2031-03-03'))!.counts).toEqual({
			todo: 3,
			in_progress: 0,
			review: 0,
			done: 2
		});
	});

	it('resumes from its checkpoint after a restart, without replaying everything', async () => {
		const first = running.pop()!;
		await first.stop();
		const checkpoint = (await db().get('_local/taskflow-analytics')) as unknown as {
			since: unknown;
		};
		expect(checkpoint.since).toBeTruthy();

		// Written while no worker runs.
		const extra = { ...newTask(owner.name, 'Late arrival'), project: live._id, estimate: 3 };
		await db().insert(extra);
		const second = await startWorker();
		const s = await eventually(async () => {
			const doc = await snapshot('2031-03-04');
			return doc && doc.counts.todo === 2 ? doc : null;
		});
		expect(s.remainingEstimate).toBe(5);
		await second.idle();
		// It read the changes after its checkpoint (the task, the snapshot it rewrote), not the
		// workspace's whole history.
		expect(second.status().changesSeen).toBeLessThanOrEqual(6);
		expect(second.status().errors).toBe(0);
	});

	it('writes one document per project and day when two instances run at once', async () => {
		clock = new Date('2031-03-05T08:00:00Z');
		const a = running[0]!;
		const b = await startWorker();
		await Promise.all([a.tick(), b.tick()]);
		const s = await eventually(() => snapshot('2031-03-05'));
		expect(s._rev).toMatch(/^1-/);
		expect(s.counts.todo).toBe(2);
		expect(a.status().errors + b.status().errors).toBe(0);
		await b.stop();
		running.pop();
	});

	it('writes a new day’s snapshot on its tick even when nothing changed', async () => {
		clock = new Date('2031-03-06T00:00:01Z');
		await running[0]!.tick();
		expect((await snapshot('2031-03-06'))?.counts.todo).toBe(2);
		const all = await db().list({
			startkey: snapshotId(live._id, ''),
			endkey: snapshotId(live._id, '\uffff')
		});
		expect(all.rows.map((r) => r.id.slice(-10)).filter((d) => d.startsWith('2031'))).toEqual([
			'2031-03-03',
			'2031-03-04',
			'2031-03-05',
			'2031-03-06'
		]);
	});

	it('refuses snapshots written by workspace members', async () => {
		const forged = {
			_id: snapshotId(live._id, '2031-01-01'),
			type: 'snapshot',
			project: live._id,
			day: '2031-01-01',
			counts: { todo: 0, in_progress: 0, review: 0, done: 99 },
			remainingEstimate: 0,
			takenAt: '2031-01-01T00:00:00Z'
		};
		const res = await as(owner.cookie, door(`/${dbName}/${forged._id}`), {
			method: 'PUT',
			json: forged
		});
		expect([401, 403]).toContain(res.status);
		expect(await snapshot('2031-01-01')).toBeNull();
	});

	it('runs inside a default app server, which reports it ready and measured', async () => {
		// The shared test server runs with WORKERS=off; this one has the default.
		const admin = inject('admin');
		const app = await startAppServer({
			env: {
				COUCHDB_URL: inject('couchUrl'),
				COUCHDB_USER: admin.user,
				COUCHDB_PASSWORD: admin.password
			}
		});
		try {
			const today = new Date().toISOString().slice(0, 10);
			const s = await eventually(() => snapshot(today));
			expect(s.counts.todo).toBe(2);
			const ready = (await (await fetch(`${app.baseUrl}/readyz`)).json()) as {
				checks: { workers: string };
			};
			expect(ready.checks.workers).toBe('ok');
			const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
			expect(text).toMatch(/^taskflow_worker_lag_changes\{worker="analytics"\} \d+$/m);
			expect(text).toMatch(/^taskflow_worker_databases\{worker="reminders"\} \d+$/m);
			expect(text).toMatch(/^taskflow_analytics_snapshots_written_total \d+$/m);
			expect(text).toMatch(/^# TYPE taskflow_notifications_written_total counter$/m);
		} finally {
			await app.stop();
		}
	});
});

describe('analytics worker, when the day turns during a refresh', () => {
	it('never writes what came after a day into that day’s snapshot', async () => {
		const owner = await ownerWithWorkspace('turn');
		const db = couch.use<Record<string, unknown>>(owner.ws.db);
		const night = project(owner.name, 'Night shift');
		const open = [1, 2, 3].map((i) => ({
			...newTask(owner.name, `Night ${i}`),
			project: night._id,
			estimate: 1
		}));
		for (const r of await db.bulk({ docs: [night, ...open] })) expect(r.error).toBeUndefined();
		let clock = new Date('2031-04-01T23:59:59.500Z');
		const trashed = (await Promise.all(open.slice(0, 2).map((t) => db.get(t._id)))).map((t) => ({
			...t,
			deletedAt: '2031-04-02T00:00:01.000Z'
		}));
		// The real database, with one hook on timing: the refresh's view read waits while
		// midnight passes and two tasks are trashed (a slow read on a busy server).
		let turned = false;
		const timed = {
			use: (name: string) =>
				new Proxy(couch.use(name), {
					get(target, prop, receiver) {
						const value = Reflect.get(target, prop, receiver) as unknown;
						if (prop !== 'view' || turned || typeof value !== 'function') {
							return typeof value === 'function' ? (value.bind(target) as unknown) : value;
						}
						return async (...args: unknown[]) => {
							turned = true;
							clock = new Date('2031-04-02T00:00:01.000Z');
							for (const r of await db.bulk({ docs: trashed })) expect(r.error).toBeUndefined();
							return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
						};
					}
				})
		} as unknown as typeof couch;
		await new AnalyticsWorker({ couch: timed, now: () => clock }).refresh(owner.ws.db);
		expect(turned).toBe(true);
		const day = async (d: string) =>
			(await db.get(snapshotId(night._id, d)).catch(() => null)) as unknown as Snapshot | null;
		// What was read after midnight is the new day's; the day that ended keeps its own.
		expect((await day('2031-04-02'))?.counts.todo).toBe(1);
		expect(await day('2031-04-01')).toBeNull();
	});
});
