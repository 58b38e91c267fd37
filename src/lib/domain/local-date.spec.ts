import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, daysBetween, endOfWeek, toLocalDate } from './local-date';

/**
 * These functions work in the process's local time zone. Pin it to a zone with DST (and a
 * spring-forward at 00:00 for São Paulo's historical rules) so the DST cases really cross a
 * transition. Node reads TZ on each Date operation, so setting it per test takes effect.
 */
const ZONES = ['Europe/Berlin', 'America/New_York', 'America/Sao_Paulo', 'UTC'] as const;
/** UTC offsets (minutes, as `getTimezoneOffset` gives them) in each zone's summer time. */
const SUMMER_OFFSETS: Record<(typeof ZONES)[number], [Date, number]> = {
	'Europe/Berlin': [new Date(Date.UTC(2024, 6, 1, 12)), -120],
	'America/New_York': [new Date(Date.UTC(2024, 6, 1, 12)), 240],
	'America/Sao_Paulo': [new Date(Date.UTC(2018, 11, 1, 12)), 120],
	UTC: [new Date(Date.UTC(2024, 6, 1, 12)), 0]
};

let savedTz: string | undefined;
beforeEach(() => {
	savedTz = process.env.TZ;
});
afterEach(() => {
	if (savedTz === undefined) delete process.env.TZ;
	else process.env.TZ = savedTz;
});

describe.each(ZONES)('in %s', (zone) => {
	beforeEach(() => {
		process.env.TZ = zone;
	});

	it('really runs in that zone', () => {
		const [at, offset] = SUMMER_OFFSETS[zone];
		expect(at.getTimezoneOffset()).toBe(offset);
	});

	it('formats a local date with zero padding', () => {
		expect(toLocalDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
		expect(toLocalDate(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
	});

	it('adds days across month and year ends', () => {
		expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
		expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
		expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
		expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
		expect(addDays('2024-01-15', 0)).toBe('2024-01-15');
		expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
	});

	it('adds days across DST transitions', () => {
		// EU: 2024-03-31 and 2024-10-27; US: 2024-03-10 and 2024-11-03;
		// São Paulo (historical, DST started at midnight): 2018-11-04 and 2019-02-17.
		expect(addDays('2024-03-30', 1)).toBe('2024-03-31');
		expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
		expect(addDays('2024-10-26', 2)).toBe('2024-10-28');
		expect(addDays('2024-03-09', 2)).toBe('2024-03-11');
		expect(addDays('2024-11-02', 2)).toBe('2024-11-04');
		expect(addDays('2018-11-03', 1)).toBe('2018-11-04');
		expect(addDays('2018-11-04', 1)).toBe('2018-11-05');
		expect(addDays('2019-02-16', 1)).toBe('2019-02-17');
		expect(addDays('2019-02-17', 1)).toBe('2019-02-18');
		expect(addDays('2024-04-01', -3)).toBe('2024-03-29');
	});

	it('steps through every day of a year one at a time without skipping or repeating', () => {
		let d = '2018-01-01';
		for (let i = 0; i < 365; i++) {
			const next = addDays(d, 1);
			expect(daysBetween(d, next)).toBe(1);
			d = next;
		}
		expect(d).toBe('2019-01-01');
	});

	it('counts days between dates, negative when going back', () => {
		expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
		expect(daysBetween('2024-04-01', '2024-03-30')).toBe(-2);
		expect(daysBetween('2024-05-05', '2024-05-05')).toBe(0);
		expect(daysBetween('2023-12-31', '2024-12-31')).toBe(366);
	});

	it('ends a Monday-based week on Sunday', () => {
		// 2024-06-10 is a Monday, 2024-06-16 a Sunday.
		expect(endOfWeek('2024-06-10')).toBe('2024-06-16');
		expect(endOfWeek('2024-06-13')).toBe('2024-06-16');
		expect(endOfWeek('2024-06-16')).toBe('2024-06-16');
		expect(endOfWeek('2024-06-17')).toBe('2024-06-23');
	});

	it('ends a Sunday-based week on Saturday', () => {
		expect(endOfWeek('2024-06-09', 0)).toBe('2024-06-15');
		expect(endOfWeek('2024-06-15', 0)).toBe('2024-06-15');
		expect(endOfWeek('2024-06-16', 0)).toBe('2024-06-22');
	});

	it('ends a week across a month end and a DST change', () => {
		expect(endOfWeek('2024-10-30')).toBe('2024-11-03');
		expect(endOfWeek('2024-03-27')).toBe('2024-03-31');
		expect(endOfWeek('2024-12-30')).toBe('2025-01-05');
	});
});
