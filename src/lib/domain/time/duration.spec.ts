import { describe, expect, it } from 'vitest';
import {
	formatDuration,
	formatElapsed,
	formatHours,
	MAX_ENTRY_MINUTES,
	parseDuration
} from './duration';

const HINT = 'Enter a duration such as 1h30, 90m or 1.5';
const ZERO = 'Duration must be more than zero';
const TOO_LONG = 'A time entry cannot be longer than 24 hours';

describe('parseDuration', () => {
	it.each([
		['1h30', 90],
		['1h 30m', 90],
		['1h30m', 90],
		['1 h 30 min', 90],
		['2h', 120],
		['1.5h', 90],
		['2 hours 15 minutes', 135],
		['1hr 5', 65],
		['90m', 90],
		['90 min', 90],
		['45 mins', 45],
		['1.5', 90],
		['1,5', 90],
		['2', 120],
		['.25', 15],
		['1:30', 90],
		['0:45', 45],
		['10:05', 605],
		['  1H30M  ', 90],
		['90 MIN', 90]
	])('reads %j as %i minutes', (input, minutes) => {
		expect(parseDuration(input)).toEqual({ ok: true, minutes });
	});

	it.each([
		['0.01', 1], // 0.6 min
		['1.333', 80], // 79.98 min
		['0.025', 2], // exactly 1.5 min: half rounds up
		['0,0125', 1], // 0.75 min
		['90.4m', 90],
		['90.5m', 91],
		['0.1', 6]
	])('rounds %j to %i whole minutes', (input, minutes) => {
		expect(parseDuration(input)).toEqual({ ok: true, minutes });
	});

	it('accepts exactly 24 hours', () => {
		expect(MAX_ENTRY_MINUTES).toBe(1440);
		expect(parseDuration('24h')).toEqual({ ok: true, minutes: 1440 });
		expect(parseDuration('24:00')).toEqual({ ok: true, minutes: 1440 });
		expect(parseDuration('1440m')).toEqual({ ok: true, minutes: 1440 });
	});

	it.each([
		'',
		'   ',
		'abc',
		'1:75',
		'1:60',
		'1h75',
		'1h 60m',
		'-1h',
		'1h30x',
		'1:5',
		'h',
		'm',
		'1..5'
	])('refuses %j with the hint', (input) => {
		expect(parseDuration(input)).toEqual({ ok: false, error: HINT });
	});

	it.each(['0', '0:00', '0h', '0m', '0.001', '0.0075'])('refuses %j as zero', (input) => {
		expect(parseDuration(input)).toEqual({ ok: false, error: ZERO });
	});

	it.each(['24:01', '25', '1441m', '24h 1m', '99999999999999'])(
		'refuses %j as longer than a day',
		(input) => {
			expect(parseDuration(input)).toEqual({ ok: false, error: TOO_LONG });
		}
	);
});

describe('formatDuration', () => {
	it.each([
		[90, '1:30'],
		[5, '0:05'],
		[0, '0:00'],
		[60, '1:00'],
		[1500, '25:00'],
		[59.6, '1:00'],
		[-30, '-0:30']
	])('shows %d minutes as %s', (minutes, text) => {
		expect(formatDuration(minutes)).toBe(text);
	});
});

describe('formatHours', () => {
	it.each([
		[90, '1.50'],
		[0, '0.00'],
		[1, '0.02'],
		[20, '0.33'],
		[40, '0.67'],
		[45, '0.75'],
		[1440, '24.00']
	])('shows %d minutes as %s hours', (minutes, text) => {
		expect(formatHours(minutes)).toBe(text);
	});
});

describe('formatElapsed', () => {
	it.each([
		[0, '0:00:00'],
		[7_000, '0:00:07'],
		[7_999, '0:00:07'],
		[3_599_999, '0:59:59'],
		[(12 * 3600 + 3 * 60 + 9) * 1000 + 999, '12:03:09'],
		[100 * 3_600_000, '100:00:00'],
		[-5_000, '0:00:00']
	])('shows %d ms as %s', (ms, text) => {
		expect(formatElapsed(ms)).toBe(text);
	});
});
