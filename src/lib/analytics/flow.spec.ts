import { describe, expect, it } from 'vitest';
import { burnup, cumulativeFlow, idealLine, weeklyCounts } from './flow';
import type { TaskHistory } from './status-history';

/** todo 2 Mar, in progress 3–4 Mar, done 5 Mar (09:00Z), reopened 6 Mar, done again 8 Mar. */
const a: TaskHistory = {
	task: 'task:a',
	createdAt: '2026-03-02T09:00:00Z',
	changes: [
		{ at: '2026-03-05T09:00:00Z', from: 'in_progress', to: 'done' },
		{ at: '2026-03-03T09:00:00Z', from: 'todo', to: 'in_progress' },
		{ at: '2026-03-06T09:00:00Z', from: 'done', to: 'in_progress' },
		{ at: '2026-03-08T09:00:00Z', from: 'in_progress', to: 'done' }
	]
};
/** todo 1 Mar, review 2 Mar, done from 3 Mar. */
const b: TaskHistory = {
	task: 'task:b',
	createdAt: '2026-03-01T10:00:00Z',
	changes: [
		{ at: '2026-03-02T12:00:00Z', from: 'todo', to: 'review' },
		{ at: '2026-03-03T08:00:00Z', from: 'review', to: 'done' }
	]
};
/** Created 4 Mar 23:00 at UTC-2, which is 5 Mar in UTC. */
const c: TaskHistory = { task: 'task:c', createdAt: '2026-03-04T23:00:00-02:00', changes: [] };

const counts = (todo: number, in_progress: number, review: number, done: number) => ({
	todo,
	in_progress,
	review,
	done
});

describe('cumulativeFlow', () => {
	it('counts tasks per status at the end of each day', () => {
		expect(cumulativeFlow([a, b, c], '2026-03-01', '2026-03-06')).toEqual([
			{ day: '2026-03-01', counts: counts(1, 0, 0, 0) }, // b
			{ day: '2026-03-02', counts: counts(1, 0, 1, 0) }, // a todo, b review
			{ day: '2026-03-03', counts: counts(0, 1, 0, 1) },
			{ day: '2026-03-04', counts: counts(0, 1, 0, 1) },
			{ day: '2026-03-05', counts: counts(1, 0, 0, 2) }, // c appears; a done
			{ day: '2026-03-06', counts: counts(1, 1, 0, 1) } // a reopened
		]);
	});

	it('runs across a month end, with zero counts and no tasks', () => {
		expect(cumulativeFlow([], '2026-02-27', '2026-03-02')).toEqual([
			{ day: '2026-02-27', counts: counts(0, 0, 0, 0) },
			{ day: '2026-02-28', counts: counts(0, 0, 0, 0) },
			{ day: '2026-03-01', counts: counts(0, 0, 0, 0) },
			{ day: '2026-03-02', counts: counts(0, 0, 0, 0) }
		]);
	});

	it('is empty for a reversed range and rejects malformed days', () => {
		expect(cumulativeFlow([a], '2026-03-05', '2026-03-04')).toEqual([]);
		expect(() => cumulativeFlow([a], '2026-03-01', '2026-02-30')).toThrow(RangeError);
	});
});

describe('burnup', () => {
	it('counts created tasks as scope and done tasks as done', () => {
		expect(burnup([a, b, c], '2026-03-01', '2026-03-08')).toEqual([
			{ day: '2026-03-01', scope: 1, done: 0 },
			{ day: '2026-03-02', scope: 2, done: 0 },
			{ day: '2026-03-03', scope: 2, done: 1 },
			{ day: '2026-03-04', scope: 2, done: 1 },
			{ day: '2026-03-05', scope: 3, done: 2 },
			{ day: '2026-03-06', scope: 3, done: 1 }, // a reopened
			{ day: '2026-03-07', scope: 3, done: 1 },
			{ day: '2026-03-08', scope: 3, done: 2 }
		]);
	});

	it('gives one entry for a one-day range', () => {
		expect(burnup([a, b], '2026-03-03', '2026-03-03')).toEqual([
			{ day: '2026-03-03', scope: 2, done: 1 }
		]);
	});
});

describe('weeklyCounts', () => {
	// ISO 2026 has 53 weeks: W51 starts Mon 14 Dec, W53 Mon 28 Dec, 2027-W01 Mon 4 Jan.
	const rows = [
		{ week: '2026-W52', count: 3 },
		{ week: '2027-W01', count: 2 },
		{ week: '2026-W53', count: 1 },
		{ week: '2026-W52', count: 1 },
		{ week: '2025-W10', count: 9 }
	];
	const expected = [
		{ weekStart: '2026-12-14', week: '2026-W51', count: 0 },
		{ weekStart: '2026-12-21', week: '2026-W52', count: 4 },
		{ weekStart: '2026-12-28', week: '2026-W53', count: 1 },
		{ weekStart: '2027-01-04', week: '2027-W01', count: 2 },
		{ weekStart: '2027-01-11', week: '2027-W02', count: 0 }
	];

	it('fills missing weeks with 0 across a year end and sums duplicate rows', () => {
		expect(weeklyCounts(rows, '2026-12-14', '2027-01-11')).toEqual(expected);
	});

	it('takes any day of a week for that week', () => {
		// Thursday 17 Dec and Sunday 17 Jan
		expect(weeklyCounts(rows, '2026-12-17', '2027-01-17')).toEqual(expected);
	});

	it('gives one week for equal bounds and none for reversed ones', () => {
		expect(weeklyCounts(rows, '2026-12-21', '2026-12-21')).toEqual([expected[1]]);
		expect(weeklyCounts(rows, '2027-01-11', '2026-12-14')).toEqual([]);
	});
});

describe('idealLine', () => {
	it('falls in a straight line to 0 on the target day', () => {
		// 26 Feb to 2 Mar 2026 is 4 days apart (February has 28 days); 10 → 0 in steps of 2.5.
		expect(idealLine(10, '2026-02-26', '2026-03-02')).toEqual([
			{ day: '2026-02-26', remaining: 10 },
			{ day: '2026-02-27', remaining: 7.5 },
			{ day: '2026-02-28', remaining: 5 },
			{ day: '2026-03-01', remaining: 2.5 },
			{ day: '2026-03-02', remaining: 0 }
		]);
	});

	it('rounds to 2 decimals', () => {
		expect(idealLine(1, '2026-03-01', '2026-03-04').map((p) => p.remaining)).toEqual([
			1, 0.67, 0.33, 0
		]);
		// 2.01 * 1/2 = 1.005, which rounds up despite its binary representation.
		expect(idealLine(2.01, '2026-03-01', '2026-03-03')[1]?.remaining).toBe(1.01);
	});

	it('is a single 0 on the target day itself and empty for a past target', () => {
		expect(idealLine(5, '2026-03-01', '2026-03-01')).toEqual([{ day: '2026-03-01', remaining: 0 }]);
		expect(idealLine(5, '2026-03-02', '2026-03-01')).toEqual([]);
	});
});
