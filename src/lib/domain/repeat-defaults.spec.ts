import { describe, expect, it } from 'vitest';
import { defaultSpec, nthOf, weekdayOf } from './repeat-defaults';

describe('repeat defaults', () => {
	it('finds the weekday and its place in the month', () => {
		expect(weekdayOf('2026-03-29')).toBe('SU');
		expect(weekdayOf('2026-03-30')).toBe('MO');
		expect(nthOf('2026-03-07')).toBe(1);
		expect(nthOf('2026-03-22')).toBe(4);
		expect(nthOf('2026-03-29')).toBe(-1);
	});

	it('fills each preset in from the anchor date', () => {
		expect(defaultSpec('weekly', '2026-03-27')).toEqual({
			kind: 'weekly',
			interval: 1,
			days: ['FR']
		});
		expect(defaultSpec('monthly_day', '2026-01-31')).toEqual({
			kind: 'monthly_day',
			interval: 1,
			day: 31
		});
		expect(defaultSpec('monthly_nth', '2026-01-30')).toEqual({
			kind: 'monthly_nth',
			interval: 1,
			nth: -1,
			weekday: 'FR'
		});
		expect(defaultSpec('yearly', '2024-02-29')).toEqual({ kind: 'yearly', month: 2, day: 29 });
	});
});
