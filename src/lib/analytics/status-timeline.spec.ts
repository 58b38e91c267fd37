import { describe, expect, it } from 'vitest';
import { DAY, HOUR, reopened, task } from './history-fixtures';
import { endOfDayUtc, statusAt, statusOn, statusTimeline, timeInStatus } from './status-history';

describe('timeInStatus', () => {
	it('splits the time since creation by status', () => {
		expect(timeInStatus(reopened, '2026-03-10T09:00:00Z')).toEqual({
			todo: 1 * DAY,
			in_progress: 3.5 * DAY, // 2 days, then 1.5 days after reopening
			review: 0.5 * DAY,
			done: 3 * DAY // 1 day, then 2 days up to now
		});
	});

	it('stops at now, ignoring later changes', () => {
		expect(timeInStatus(reopened, '2026-03-06T21:00:00Z')).toEqual({
			todo: DAY,
			in_progress: 2.5 * DAY,
			review: 0,
			done: DAY
		});
	});

	it('counts everything as todo without changes, and nothing before creation', () => {
		expect(timeInStatus(task([]), '2026-03-02T12:00:00Z')).toEqual({
			todo: 3 * HOUR,
			in_progress: 0,
			review: 0,
			done: 0
		});
		expect(timeInStatus(reopened, '2026-03-01T00:00:00Z')).toEqual({
			todo: 0,
			in_progress: 0,
			review: 0,
			done: 0
		});
	});

	it('takes the status at creation from a creation record (from: null)', () => {
		// Record stamped an hour after createdAt (another device's clock): review since creation.
		const h = task([{ at: '2026-03-02T10:00:00Z', from: null, to: 'review' }]);
		expect(timeInStatus(h, '2026-03-02T12:00:00Z')).toEqual({
			todo: 0,
			in_progress: 0,
			review: 3 * HOUR,
			done: 0
		});
	});

	it('gives a task created in review its first hours in review', () => {
		const h = task([{ at: '2026-03-02T11:00:00Z', from: 'review', to: 'done' }]);
		expect(timeInStatus(h, '2026-03-02T12:00:00Z')).toEqual({
			todo: 0,
			in_progress: 0,
			review: 2 * HOUR,
			done: HOUR
		});
	});
});

describe('statusOn', () => {
	it('is the status at the end of the day, null before creation', () => {
		expect(statusOn(reopened, '2026-03-01')).toBeNull();
		expect(statusOn(reopened, '2026-03-02')).toBe('todo');
		expect(statusOn(reopened, '2026-03-03')).toBe('in_progress');
		expect(statusOn(reopened, '2026-03-04')).toBe('in_progress');
		expect(statusOn(reopened, '2026-03-05')).toBe('done');
		expect(statusOn(reopened, '2026-03-06')).toBe('in_progress');
		expect(statusOn(reopened, '2026-03-07')).toBe('review');
		expect(statusOn(reopened, '2026-03-08')).toBe('done');
		expect(statusOn(reopened, '2027-01-01')).toBe('done');
	});

	it('uses the end of the day in UTC', () => {
		// 23:30 at UTC-2 is 01:30Z the next day.
		const h = task([{ at: '2026-03-02T23:30:00-02:00', from: 'todo', to: 'done' }]);
		expect(statusOn(h, '2026-03-02')).toBe('todo');
		expect(statusOn(h, '2026-03-03')).toBe('done');
		const last = task([{ at: '2026-03-02T23:59:59.999Z', from: 'todo', to: 'done' }]);
		expect(statusOn(last, '2026-03-02')).toBe('done');
	});

	it('rejects malformed days and times', () => {
		expect(() => statusOn(reopened, '2026-3-2')).toThrow(RangeError);
		expect(() => statusOn(reopened, '2026-02-30')).toThrow(RangeError);
		expect(() => statusOn(task([], 'yesterday'), '2026-03-02')).toThrow(RangeError);
	});
});

describe('statusTimeline and statusAt', () => {
	it('sort the changes and include a change at exactly the instant asked', () => {
		const t = statusTimeline(reopened);
		expect(t.initial).toBe('todo');
		expect(t.steps.map((s) => s.to)).toEqual([
			'in_progress',
			'done',
			'in_progress',
			'review',
			'done'
		]);
		const start = Date.parse('2026-03-03T09:00:00Z');
		expect(statusAt(t, start - 1)).toBe('todo');
		expect(statusAt(t, start)).toBe('in_progress');
		expect(statusAt(t, t.created - 1)).toBeNull();
	});

	it('apply changes with the same time in the given order', () => {
		const t = statusTimeline(
			task([
				{ at: '2026-03-03T09:00:00Z', from: 'todo', to: 'in_progress' },
				{ at: '2026-03-03T09:00:00Z', from: 'in_progress', to: 'review' }
			])
		);
		expect(statusAt(t, Date.parse('2026-03-03T09:00:00Z'))).toBe('review');
	});

	it('endOfDayUtc is the last millisecond of the UTC day', () => {
		expect(endOfDayUtc('2026-03-02')).toBe(Date.UTC(2026, 2, 3) - 1);
	});
});
