import { describe, expect, it } from 'vitest';
import { snapshotSchema } from '../domain/schemas/snapshot.schema';
import {
	burnFromFlow,
	flowWithSnapshots,
	figuresByProject,
	sameFigures,
	snapshotDoc,
	snapshotId,
	snapshotRange
} from './snapshots';
import type { TaskHistory } from './status-history';

const P = 'project:01HZX3K9Q8R7M6N5P4V3W2Y1AB';
const Q = 'project:01HZX3K9Q8R7M6N5P4V3W2Y1AC';

describe('snapshot ids', () => {
	it('are one per project and day, sorted by day inside the project range', () => {
		expect(snapshotId(P, '2026-11-20')).toBe('snapshot:01HZX3K9Q8R7M6N5P4V3W2Y1AB:2026-11-20');
		const r = snapshotRange(P);
		expect(snapshotId(P, '2026-01-01') > r.startkey).toBe(true);
		expect(snapshotId(P, '2099-12-31') < r.endkey).toBe(true);
		expect(snapshotId(Q, '2026-01-01') > r.endkey).toBe(true);
	});
});

describe('figuresByProject', () => {
	const rows = [
		{ key: [P, 'todo'], value: [3, 5] },
		{ key: [P, 'in_progress'], value: [1, 2.333] },
		{ key: [P, 'done'], value: [4, 10] },
		{ key: [Q, 'review'], value: [2, 1] },
		{ key: ['project:gone', 'todo'], value: [9, 9] },
		{ key: [P, 'bogus'], value: [7, 7] }
	];

	it('counts tasks per status and the estimate still open, for the listed projects', () => {
		const f = figuresByProject(rows, [P, Q, 'project:empty']);
		expect(f.get(P)).toEqual({
			counts: { todo: 3, in_progress: 1, review: 0, done: 4 },
			remainingEstimate: 7.33
		});
		expect(f.get(Q)).toEqual({
			counts: { todo: 0, in_progress: 0, review: 2, done: 0 },
			remainingEstimate: 1
		});
		expect(f.get('project:empty')?.counts).toEqual({ todo: 0, in_progress: 0, review: 0, done: 0 });
		expect(f.has('project:gone')).toBe(false);
	});

	it('builds documents the schema accepts, and compares figures without the time', () => {
		const f = figuresByProject(rows, [P]).get(P)!;
		const doc = snapshotDoc(P, '2026-11-20', f, '2026-11-20T10:00:00Z');
		expect(snapshotSchema.safeParse(doc).success).toBe(true);
		expect(sameFigures(doc, { ...f })).toBe(true);
		expect(sameFigures(doc, { ...f, remainingEstimate: 1 })).toBe(false);
		expect(sameFigures(doc, { ...f, counts: { ...f.counts, done: 5 } })).toBe(false);
	});
});

describe('flowWithSnapshots', () => {
	// Two tasks of P that exist now; a third one (trashed later) is only in the snapshots.
	const a: TaskHistory = {
		task: 'task:a',
		project: P,
		createdAt: '2026-03-01T09:00:00Z',
		changes: [{ at: '2026-03-03T09:00:00Z', from: 'todo', to: 'done' }]
	};
	const b: TaskHistory = {
		task: 'task:b',
		project: Q,
		createdAt: '2026-03-02T09:00:00Z',
		changes: []
	};
	const counts = (todo: number, done: number) => ({ todo, in_progress: 0, review: 0, done });
	const burnOf = (...args: Parameters<typeof flowWithSnapshots>) =>
		burnFromFlow(flowWithSnapshots(...args));

	it('uses a day’s snapshot over the reconstruction, except today', () => {
		const snaps = [
			{ project: P, day: '2026-03-02', counts: counts(2, 0) },
			{ project: P, day: '2026-03-03', counts: counts(1, 1) },
			{ project: P, day: '2026-03-04', counts: counts(0, 9) }
		];
		const burn = burnOf([a, b], snaps, '2026-03-01', '2026-03-04', '2026-03-04');
		expect(burn).toEqual([
			{ day: '2026-03-01', scope: 1, done: 0, fromSnapshot: false },
			{ day: '2026-03-02', scope: 3, done: 0, fromSnapshot: true },
			{ day: '2026-03-03', scope: 3, done: 1, fromSnapshot: true },
			{ day: '2026-03-04', scope: 2, done: 1, fromSnapshot: false }
		]);
	});

	it('keeps projects that only have snapshots, and ignores snapshots outside the range', () => {
		const snaps = [
			{ project: 'project:old', day: '2026-03-02', counts: counts(5, 5) },
			{ project: P, day: '2026-02-01', counts: counts(50, 0) }
		];
		const burn = burnOf([a], snaps, '2026-03-01', '2026-03-02', '2026-03-10');
		expect(burn.map((d) => [d.scope, d.done])).toEqual([
			[1, 0],
			[11, 5]
		]);
	});

	it('gives each day’s status counts for the cumulative flow', () => {
		const snaps = [
			{ project: P, day: '2026-03-02', counts: { todo: 1, in_progress: 2, review: 3, done: 4 } }
		];
		const flow = flowWithSnapshots([a, b], snaps, '2026-03-02', '2026-03-03', '2026-03-10');
		expect(flow).toEqual([
			{
				day: '2026-03-02',
				counts: { todo: 2, in_progress: 2, review: 3, done: 4 },
				fromSnapshot: true
			},
			{
				day: '2026-03-03',
				counts: { todo: 1, in_progress: 0, review: 0, done: 1 },
				fromSnapshot: false
			}
		]);
	});

	it('equals the plain burn-up when there are no snapshots', () => {
		const burn = burnOf([a, b], [], '2026-03-01', '2026-03-03', '2026-03-10');
		expect(burn.map((d) => [d.day, d.scope, d.done])).toEqual([
			['2026-03-01', 1, 0],
			['2026-03-02', 2, 0],
			['2026-03-03', 2, 1]
		]);
	});
});
