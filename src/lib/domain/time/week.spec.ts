import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekKey, weekDays, weekStartOf, zoneOffsetMinutes, type WeekStart } from './zoned-time';

/**
 * Week arithmetic works on calendar dates only, so the device's zone must not matter. Run
 * it in zones where local midnight can be missing (São Paulo 2018-11-04) or far from UTC.
 */
const DEVICE_ZONES = ['UTC', 'America/Sao_Paulo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

describe.each(DEVICE_ZONES)('on a device in %s', (zone) => {
	let saved: string | undefined;
	beforeAll(() => {
		saved = process.env.TZ;
		process.env.TZ = zone;
	});
	afterAll(() => {
		if (saved === undefined) delete process.env.TZ;
		else process.env.TZ = saved;
	});

	it('really runs in that zone', () => {
		const at = Date.UTC(2026, 0, 15, 12);
		expect(new Date(at).getTimezoneOffset() + zoneOffsetMinutes(at, zone)).toBe(0);
	});

	it.each<[string, WeekStart, string]>([
		// Wednesday 2026-11-18
		['2026-11-18', 'monday', '2026-11-16'],
		['2026-11-18', 'sunday', '2026-11-15'],
		['2026-11-18', 'saturday', '2026-11-14'],
		// The first day of the week is its own week start.
		['2026-11-16', 'monday', '2026-11-16'],
		['2026-11-15', 'sunday', '2026-11-15'],
		['2026-11-14', 'saturday', '2026-11-14'],
		// Sunday 2026-11-22 and Saturday 2026-11-21
		['2026-11-22', 'monday', '2026-11-16'],
		['2026-11-22', 'sunday', '2026-11-22'],
		['2026-11-22', 'saturday', '2026-11-21'],
		['2026-11-21', 'sunday', '2026-11-15'],
		// Across a year end: Friday 2027-01-01, Saturday 2027-01-02
		['2027-01-01', 'monday', '2026-12-28'],
		['2027-01-01', 'sunday', '2026-12-27'],
		['2027-01-01', 'saturday', '2026-12-26'],
		['2027-01-02', 'saturday', '2027-01-02'],
		['2027-01-02', 'monday', '2026-12-28'],
		// Across a month end: Sunday 2026-03-01; leap-year Friday 2024-03-01
		['2026-03-01', 'monday', '2026-02-23'],
		['2026-03-01', 'sunday', '2026-03-01'],
		['2026-03-01', 'saturday', '2026-02-28'],
		['2024-03-01', 'monday', '2024-02-26'],
		['2024-03-01', 'sunday', '2024-02-25'],
		['2024-03-01', 'saturday', '2024-02-24'],
		// São Paulo's midnight-less day
		['2018-11-06', 'sunday', '2018-11-04'],
		['2018-11-04', 'monday', '2018-10-29']
	])('weekStartOf(%s, %s) is %s', (date, start, expected) => {
		expect(weekStartOf(date, start)).toBe(expected);
	});

	it('lists the seven days of a week across a year end and a DST change', () => {
		expect(weekDays('2026-12-28')).toEqual([
			'2026-12-28',
			'2026-12-29',
			'2026-12-30',
			'2026-12-31',
			'2027-01-01',
			'2027-01-02',
			'2027-01-03'
		]);
		expect(weekDays('2018-10-29')).toEqual([
			'2018-10-29',
			'2018-10-30',
			'2018-10-31',
			'2018-11-01',
			'2018-11-02',
			'2018-11-03',
			'2018-11-04'
		]);
	});

	it.each([
		['2026-11-16', '2026-W47'],
		['2027-01-01', '2026-W53'],
		['2026-12-31', '2026-W53'],
		['2027-01-03', '2026-W53'],
		['2027-01-04', '2027-W01'],
		['2024-12-30', '2025-W01'],
		['2024-12-29', '2024-W52'],
		['2025-12-29', '2026-W01'],
		['2026-01-01', '2026-W01'],
		['2021-01-03', '2020-W53'],
		['2021-01-04', '2021-W01'],
		['2023-01-01', '2022-W52'],
		['2020-12-31', '2020-W53'],
		['2026-03-29', '2026-W13']
	])('isoWeekKey(%s) is %s', (date, key) => {
		expect(isoWeekKey(date)).toBe(key);
	});
});

it('refuses a malformed date', () => {
	expect(() => weekStartOf('16.11.2026', 'monday')).toThrow(RangeError);
	expect(() => isoWeekKey('2026-W47')).toThrow(RangeError);
});
