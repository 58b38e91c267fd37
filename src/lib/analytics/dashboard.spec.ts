import { describe, expect, it } from 'vitest';
import { estimateAccuracy, flowTimes, recentThroughput, waitingTimes } from './dashboard';
import type { TaskHistory } from './status-history';

const h = (
	task: string,
	createdAt: string,
	changes: [string, string | null, string][]
): TaskHistory => ({
	task,
	createdAt,
	changes: changes.map(([at, from, to]) => ({ at, from, to }) as TaskHistory['changes'][number])
});

// a: created Mon 1st, started 3rd, done 6th. b: created 2nd, done 10th without "in progress".
const a = h('a', '2026-06-01T00:00:00Z', [
	['2026-06-03T00:00:00Z', 'todo', 'in_progress'],
	['2026-06-06T00:00:00Z', 'in_progress', 'done']
]);
const b = h('b', '2026-06-02T00:00:00Z', [['2026-06-10T12:00:00Z', 'todo', 'done']]);
const open = h('c', '2026-06-01T00:00:00Z', [['2026-06-02T00:00:00Z', 'todo', 'review']]);

describe('flowTimes', () => {
	it('takes tasks finished in the range only', () => {
		expect(flowTimes([a, b, open], '2026-06-01', '2026-06-30')).toEqual({
			lead: [5, 8.5],
			cycle: [3]
		});
		expect(flowTimes([a, b, open], '2026-06-07', '2026-06-30')).toEqual({ lead: [8.5], cycle: [] });
	});
});

describe('waitingTimes', () => {
	it('averages the days spent in each open status, longest first', () => {
		expect(waitingTimes([a, b, open], '2026-06-11T00:00:00Z')).toEqual([
			{ status: 'review', days: 9, tasks: 1 },
			{ status: 'todo', days: (2 + 8.5 + 1) / 3, tasks: 3 },
			{ status: 'in_progress', days: 3, tasks: 1 }
		]);
	});
});

describe('estimateAccuracy', () => {
	it('compares logged hours with estimates on finished tasks', () => {
		const tasks = [
			{ _id: 't1', status: 'done', estimate: 2 },
			{ _id: 't2', status: 'done', estimate: 4 },
			{ _id: 't3', status: 'done', estimate: 1 },
			{ _id: 't4', status: 'todo', estimate: 1 },
			{ _id: 't5', status: 'done', estimate: null }
		];
		const minutes = new Map([
			['t1', 120],
			['t2', 360],
			['t3', 30],
			['t4', 600],
			['t5', 60]
		]);
		const r = estimateAccuracy(tasks, minutes);
		expect(r.ratios).toEqual([0.5, 1, 1.5]);
		expect(r.median).toBe(1);
		expect(r.withinQuarter).toBeCloseTo(1 / 3);
	});
});

describe('recentThroughput', () => {
	it('keeps the last complete weeks before the current one', () => {
		const weeks = ['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22'].map((weekStart, i) => ({
			weekStart,
			week: `w${i}`,
			count: i + 1
		}));
		expect(recentThroughput(weeks, '2026-06-22', 2)).toEqual([2, 3]);
	});
});
