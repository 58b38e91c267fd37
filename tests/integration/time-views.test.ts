/**
 * The time views give exact sums on a generated history — on the server and, from the same
 * map functions, on a device's local copy (the browser's view engine, here on an in-memory
 * PouchDB). This file must not import `pouchdb-node`: its own view plugin would replace ours.
 */
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/pouch';
import { queryView, type ViewName, type ViewOptions } from '../../src/lib/db/views/view-query';
import { isoWeekKey } from '../../src/lib/domain/time/zoned-time';
import { as, door, ownerWithWorkspace, upstream } from './helpers';
import { serverAndDevice } from './view-devices';

interface Generated {
	docs: Record<string, unknown>[];
	/** What each finished entry counts for, as the generator chose it (not read back). */
	facts: {
		user: string;
		day: string;
		project: string;
		task: string;
		minutes: number;
		billable: boolean;
	}[];
}

/** A seeded history: 3 people in 3 time zones, 4 projects, 12 weeks, some running timers. */
function generate(seed: number): Generated {
	let s = seed;
	const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
	const people = [
		{ user: 'ana', offset: '+01:00' },
		{ user: 'ben', offset: '-05:00' },
		{ user: 'chen', offset: '+08:00' }
	];
	const projects = Array.from({ length: 4 }, () => `project:${ulid()}`);
	const tasks = projects.flatMap((p) =>
		Array.from({ length: 5 }, () => ({ p, t: `task:${ulid()}` }))
	);
	const docs: Record<string, unknown>[] = [];
	const facts: Generated['facts'] = [];
	for (let i = 0; i < 900; i++) {
		const who = pick(people);
		const { p, t } = pick(tasks);
		const day = new Date(Date.UTC(2026, 7, 31) + Math.floor(rand() * 84) * 86_400_000)
			.toISOString()
			.slice(0, 10);
		// Late starts: 23:xx local is the next day in UTC for ana and chen's early hours, etc.
		const hour = pick([0, 7, 9, 13, 18, 23]);
		const minutes = 1 + Math.floor(rand() * 600);
		const start = `${day}T${String(hour).padStart(2, '0')}:15:00${who.offset}`;
		const running = i % 150 === 0;
		const end = running ? null : new Date(Date.parse(start) + minutes * 60_000).toISOString();
		const billable = rand() < 0.6;
		docs.push({
			_id: `time:${ulid()}`,
			type: 'time',
			user: who.user,
			task: t,
			project: p,
			start,
			end,
			minutes: running ? 0 : minutes,
			note: '',
			billable,
			createdBy: who.user,
			createdAt: '2026-11-20T10:00:00.000Z',
			updatedAt: '2026-11-20T10:00:00.000Z'
		});
		if (!running) facts.push({ user: who.user, day, project: p, task: t, minutes, billable });
	}
	return { docs, facts };
}

function add(map: Map<string, [number, number]>, key: unknown[], f: Generated['facts'][number]) {
	const k = JSON.stringify(key);
	const v = map.get(k) ?? [0, 0];
	map.set(k, [v[0] + f.minutes, v[1] + (f.billable ? f.minutes : 0)]);
}

const asMap = (rows: { key: unknown; value: unknown }[]) =>
	new Map(rows.map((r) => [JSON.stringify(r.key), r.value]));

describe('time views', () => {
	const history = generate(20261121);
	let remote: Db;
	let local: Db;

	beforeAll(async () => {
		const owner = await ownerWithWorkspace('timev');
		// Entries of several people: written as the server admin (who is still schema-checked).
		const res = await upstream(`/${owner.ws.db}/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({ docs: history.docs })
		});
		const results = (await res.json()) as { error?: string; reason?: string }[];
		expect(results.filter((r) => r.error)).toEqual([]);
		({ remote, local } = await serverAndDevice(owner.ws.db, owner.cookie));
	});

	const both = async (name: ViewName, opts: ViewOptions) => {
		const [server, device] = await Promise.all([
			queryView(remote, name, opts),
			queryView(local, name, opts)
		]);
		expect(device).toEqual(server);
		return server;
	};

	it('sum minutes and billable minutes per user and day', async () => {
		const expected = new Map<string, [number, number]>();
		for (const f of history.facts) add(expected, [f.user, f.day], f);
		const rows = await both('time_by_user_day', { group_level: 2 });
		expect(asMap(rows)).toEqual(expected);
	});

	it('give the cells of one person’s week', async () => {
		const week = [
			'2026-09-14',
			'2026-09-15',
			'2026-09-16',
			'2026-09-17',
			'2026-09-18',
			'2026-09-19',
			'2026-09-20'
		];
		const expected = new Map<string, [number, number]>();
		for (const f of history.facts) {
			if (f.user === 'ben' && week.includes(f.day)) {
				add(expected, [f.user, f.day, f.project, f.task], f);
			}
		}
		const rows = await both('time_by_user_day', {
			startkey: ['ben', week[0]],
			endkey: ['ben', week[6], {}],
			group_level: 4
		});
		expect(asMap(rows)).toEqual(expected);
	});

	it('sum per day across the team, and per project and ISO week', async () => {
		const perDay = new Map<string, [number, number]>();
		const perWeek = new Map<string, [number, number]>();
		for (const f of history.facts) {
			add(perDay, [f.day, f.user], f);
			add(perWeek, [f.project, isoWeekKey(f.day)], f);
		}
		expect(asMap(await both('time_by_day', { group_level: 2 }))).toEqual(perDay);
		expect(asMap(await both('time_by_project_week', { group_level: 2 }))).toEqual(perWeek);
	});

	it('roll up per task, and list running timers', async () => {
		const perTask = new Map<string, number>();
		for (const f of history.facts) perTask.set(f.task, (perTask.get(f.task) ?? 0) + f.minutes);
		const rows = await both('time_by_task', { group_level: 1 });
		expect(new Map(rows.map((r) => [(r.key as string[])[0], r.value]))).toEqual(perTask);
		const running = await both('time_running', { reduce: false });
		expect(running.map((r) => r.id).sort()).toEqual(
			history.docs
				.filter((d) => d.end === null)
				.map((d) => d._id)
				.sort()
		);
	});
});

describe('time entries on the server', () => {
	it('refuse spans the UI refuses, whoever sends them', async () => {
		const owner = await ownerWithWorkspace('timesp');
		const t = '2026-11-16T09:00:00+01:00';
		const entry = {
			_id: `time:${ulid()}`,
			type: 'time',
			user: owner.name,
			task: `task:${ulid()}`,
			project: `project:${ulid()}`,
			start: t,
			end: '2026-11-16T08:00:00+01:00',
			minutes: 60,
			note: '',
			billable: true,
			createdBy: owner.name,
			createdAt: '2026-11-16T08:00:00.000Z',
			updatedAt: '2026-11-16T08:00:00.000Z'
		};
		const put = (doc: object) =>
			as(owner.cookie, door(`/${owner.ws.db}/${entry._id}`), { method: 'PUT', json: doc });
		const backwards = await put(entry);
		expect(backwards.status).toBe(403);
		expect(((await backwards.json()) as { reason: string }).reason).toMatch(/after start/);
		expect((await put({ ...entry, end: '2026-11-17T10:00:00+01:00', minutes: 1500 })).status).toBe(
			403
		);
		expect((await put({ ...entry, end: '2026-11-16T10:00:00+01:00', minutes: 60 })).status).toBe(
			201
		);
	});
});
