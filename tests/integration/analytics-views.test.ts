/**
 * The analytics views on a generated workspace with a known history (2,000 tasks over 12
 * weeks, their status changes in the activity log): exact counts and sums from the server's
 * views, and the same rows from the device's views. Must not import `pouchdb-node` (its view
 * plugin would replace the app's).
 */
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import { leadTimeDays } from '../../src/lib/analytics/status-history';
import {
	leadTimes,
	perWeek,
	statusCounts,
	statusHistories,
	workload
} from '../../src/lib/db/analytics.queries';
import type { Db } from '../../src/lib/db/pouch';
import { isoWeekKey } from '../../src/lib/domain/time/zoned-time';
import { newTask, ownerWithWorkspace, upstream } from './helpers';
import { serverAndDevice } from './view-devices';

const STATUSES = ['todo', 'in_progress', 'review', 'done'] as const;
const DAY = 86_400_000;

interface Fact {
	id: string;
	project: string;
	status: (typeof STATUSES)[number];
	estimate: number | null;
	assignee: string | null;
	created: string;
	completed: string | null;
	deleted: boolean;
}

/** 2,000 tasks created over 12 weeks, each walked some way along todo → … → done. */
function generate(seed: number, owner: string) {
	let s = seed;
	const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
	const projects = [0, 1, 2].map(() => `project:${ulid()}`);
	const start = Date.UTC(2026, 7, 31, 8);
	const docs: Record<string, unknown>[] = [];
	const facts: Fact[] = [];
	for (let i = 0; i < 2000; i++) {
		const project = pick(projects);
		let at = start + Math.floor(rand() * 84 * DAY);
		const created = new Date(at).toISOString();
		const steps = Math.floor(rand() * 4); // how far along: 0 = still todo … 3 = done
		const id = `task:${ulid()}`;
		let status: Fact['status'] = 'todo';
		for (let k = 1; k <= steps; k++) {
			at += Math.floor(rand() * 5 * DAY) + 3_600_000;
			const to = STATUSES[k]!;
			docs.push({
				_id: `activity:${ulid()}`,
				type: 'activity',
				action: 'update',
				doc: id,
				task: id,
				project,
				field: 'status',
				from: status,
				to,
				actor: owner,
				at: new Date(at).toISOString(),
				createdBy: owner
			});
			status = to;
		}
		const fact: Fact = {
			id,
			project,
			status,
			estimate: rand() < 0.3 ? null : Math.round(rand() * 16 * 4) / 4,
			assignee: rand() < 0.2 ? null : pick(['ana', 'ben', 'chen']),
			created,
			completed: status === 'done' ? new Date(at).toISOString() : null,
			deleted: rand() < 0.03
		};
		facts.push(fact);
		docs.push({
			...newTask(owner, `Task ${i}`),
			_id: id,
			project,
			status,
			estimate: fact.estimate,
			assignee: fact.assignee,
			completedAt: fact.completed,
			deletedAt: fact.deleted ? new Date(at + DAY).toISOString() : null,
			createdAt: created,
			updatedAt: new Date(at).toISOString()
		});
	}
	return { docs, facts, projects };
}

describe('analytics views', () => {
	let history: ReturnType<typeof generate>;
	let remote: Db;
	let local: Db;

	beforeAll(async () => {
		const owner = await ownerWithWorkspace('anav');
		history = generate(424242, owner.name);
		for (let i = 0; i < history.docs.length; i += 1000) {
			const res = await upstream(`/${owner.ws.db}/_bulk_docs`, {
				method: 'POST',
				body: JSON.stringify({ docs: history.docs.slice(i, i + 1000) })
			});
			const results = (await res.json()) as { error?: string; reason?: string }[];
			expect(results.filter((r) => r.error)).toEqual([]);
		}
		({ remote, local } = await serverAndDevice(owner.ws.db, owner.cookie));
	}, 120_000);

	const live = () => history.facts.filter((f) => !f.deleted);
	const both = async <T>(read: (db: Db) => Promise<T>): Promise<T> => {
		const [server, device] = await Promise.all([read(remote), read(local)]);
		expect(device).toEqual(server);
		return server;
	};

	it('count tasks and estimated hours per status, per project and workspace-wide', async () => {
		for (const project of [history.projects[0]!, null]) {
			const expected = new Map<string, [number, number]>();
			for (const f of live().filter((f) => !project || f.project === project)) {
				const [n, h] = expected.get(f.status) ?? [0, 0];
				expected.set(f.status, [n + 1, h + (f.estimate ?? 0)]);
			}
			expect(await both((db) => statusCounts(db, project))).toEqual(expected);
		}
	});

	it('sum open work per assignee', async () => {
		const expected = new Map<string, [number, number]>();
		for (const f of live().filter((f) => f.status !== 'done')) {
			const k = f.assignee ?? '';
			const [n, h] = expected.get(k) ?? [0, 0];
			expected.set(k, [n + 1, h + (f.estimate ?? 0)]);
		}
		expect(await both((db) => workload(db, null))).toEqual(expected);
	});

	it('count tasks created and completed per ISO week', async () => {
		const project = history.projects[1]!;
		const count = (days: (string | null)[]) => {
			const m = new Map<string, number>();
			for (const d of days) {
				if (d) m.set(isoWeekKey(d.slice(0, 10)), (m.get(isoWeekKey(d.slice(0, 10))) ?? 0) + 1);
			}
			return m;
		};
		const mine = live().filter((f) => f.project === project);
		const created = await both((db) => perWeek(db, 'created_per_week', project));
		const done = await both((db) => perWeek(db, 'completed_per_week', project));
		expect(new Map(created.map((r) => [r.week, r.count]))).toEqual(
			count(mine.map((f) => f.created))
		);
		expect(new Map(done.map((r) => [r.week, r.count]))).toEqual(
			count(mine.map((f) => f.completed))
		);
	});

	it('give lead times, and status histories that reproduce them', async () => {
		const done = live().filter((f) => f.completed);
		const expected = done
			.map((f) => (Date.parse(f.completed!) - Date.parse(f.created)) / DAY)
			.sort((a, b) => a - b);
		const got = await both((db) => leadTimes(db, null, '2000-01-01', '2100-01-01'));
		expect([...got].sort((a, b) => a - b)).toEqual(expected);

		const histories = await both((db) => statusHistories(db, null));
		expect(histories).toHaveLength(live().length);
		const fromHistory = histories
			.map(leadTimeDays)
			.filter((d): d is number => d !== null)
			.sort((a, b) => a - b);
		expect(fromHistory.map((d) => d.toFixed(6))).toEqual(expected.map((d) => d.toFixed(6)));
	});

	it('answer the same question again with each change, on the server and the device', async () => {
		const owner = await ownerWithWorkspace('anaw');
		const { remote: server, local: device } = await serverAndDevice(owner.ws.db, owner.cookie);
		const task = newTask(owner.name, 'Measure the flow');
		const project = String(task.project);
		for (const db of [server, device]) {
			expect(await statusCounts(db, project)).toEqual(new Map());
			expect(await statusCounts(db, project)).toEqual(new Map());
		}
		const { rev } = await server.put(task);
		await device.replicate.from(server);
		for (const db of [server, device]) {
			expect(await statusCounts(db, project)).toEqual(new Map([['todo', [1, 0]]]));
		}
		const done = new Date().toISOString();
		await server.put({ ...task, _rev: rev, status: 'done', estimate: 2, completedAt: done });
		await device.replicate.from(server);
		for (const db of [server, device]) {
			expect(await statusCounts(db, project)).toEqual(new Map([['done', [1, 2]]]));
			expect(await workload(db, project)).toEqual(new Map());
		}
	});
});
