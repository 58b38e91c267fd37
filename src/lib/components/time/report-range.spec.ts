import { describe, expect, it } from 'vitest';
import { presetRange } from './report-range';

describe('presetRange', () => {
	it('follows the week start', () => {
		// Saturday 2026-11-21.
		expect(presetRange('this-week', '2026-11-21', 'monday')).toEqual({
			from: '2026-11-16',
			to: '2026-11-22'
		});
		expect(presetRange('this-week', '2026-11-21', 'sunday')).toEqual({
			from: '2026-11-15',
			to: '2026-11-21'
		});
		expect(presetRange('this-week', '2026-11-21', 'saturday')).toEqual({
			from: '2026-11-21',
			to: '2026-11-27'
		});
		expect(presetRange('last-week', '2026-11-21', 'monday')).toEqual({
			from: '2026-11-09',
			to: '2026-11-15'
		});
	});

	it('covers whole months, across a year end and in leap years', () => {
		expect(presetRange('this-month', '2028-02-10', 'monday')).toEqual({
			from: '2028-02-01',
			to: '2028-02-29'
		});
		expect(presetRange('last-month', '2027-01-05', 'monday')).toEqual({
			from: '2026-12-01',
			to: '2026-12-31'
		});
	});
});
