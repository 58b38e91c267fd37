import { describe, expect, it } from 'vitest';
import {
	dayLengthMinutes,
	dayOfIsoString,
	deviceTimeZone,
	localDateOf,
	localTimeOf,
	resolveTimeZone,
	startOfDayInstant,
	toZonedIso,
	zonedToInstant,
	zoneOffsetMinutes
} from './zoned-time';

const utc = (iso: string) => Date.parse(iso);

describe('zoneOffsetMinutes', () => {
	it.each([
		['Europe/Berlin', '2026-01-15T12:00:00Z', 60],
		['Europe/Berlin', '2026-07-01T12:00:00Z', 120],
		['America/New_York', '2026-07-01T12:00:00Z', -240],
		['America/New_York', '2026-01-15T12:00:00Z', -300],
		['Australia/Lord_Howe', '2026-07-01T12:00:00Z', 630],
		['Australia/Lord_Howe', '2026-01-15T12:00:00Z', 660],
		['Pacific/Kiritimati', '2026-01-15T12:00:00Z', 840],
		['America/St_Johns', '2026-01-15T12:00:00Z', -210],
		['Asia/Kolkata', '2026-01-15T12:00:00Z', 330],
		['UTC', '2026-07-01T12:00:00Z', 0]
	])('%s at %s is %i', (tz, at, offset) => {
		expect(zoneOffsetMinutes(utc(at), tz)).toBe(offset);
	});
});

describe('toZonedIso', () => {
	const at = utc('2026-11-16T08:05:00.789Z');
	it.each([
		['Europe/Berlin', '2026-11-16T09:05:00+01:00'],
		['UTC', '2026-11-16T08:05:00+00:00'],
		['America/New_York', '2026-11-16T03:05:00-05:00'],
		['America/St_Johns', '2026-11-16T04:35:00-03:30'],
		['Pacific/Kiritimati', '2026-11-16T22:05:00+14:00']
	])('writes the instant in %s as %s', (tz, iso) => {
		expect(toZonedIso(at, tz)).toBe(iso);
		expect(Date.parse(iso)).toBe(utc('2026-11-16T08:05:00Z'));
	});

	it('uses the offset in force at that instant, either side of a change', () => {
		expect(toZonedIso(utc('2026-10-25T00:59:59Z'), 'Europe/Berlin')).toBe(
			'2026-10-25T02:59:59+02:00'
		);
		expect(toZonedIso(utc('2026-10-25T01:00:00Z'), 'Europe/Berlin')).toBe(
			'2026-10-25T02:00:00+01:00'
		);
	});
});

describe('localDateOf and localTimeOf', () => {
	it('give the wall clock of the zone, not of UTC', () => {
		const at = utc('2026-11-16T04:30:00Z');
		expect(localDateOf(at, 'America/New_York')).toBe('2026-11-15');
		expect(localTimeOf(at, 'America/New_York')).toBe('23:30');
		expect(localDateOf(at, 'UTC')).toBe('2026-11-16');
		expect(localTimeOf(at, 'Australia/Lord_Howe')).toBe('15:30');
	});
});

describe('resolveTimeZone', () => {
	it('keeps a valid preference', () => {
		expect(resolveTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
		expect(resolveTimeZone('Pacific/Kiritimati')).toBe('Pacific/Kiritimati');
	});

	it('falls back to the device zone for an empty or unknown preference', () => {
		const device = deviceTimeZone();
		expect(device).not.toBe('');
		expect(resolveTimeZone(device)).toBe(device);
		expect(resolveTimeZone('')).toBe(device);
		expect(resolveTimeZone('  ')).toBe(device);
		expect(resolveTimeZone('Mars/Olympus_Mons')).toBe(device);
	});
});

describe('zonedToInstant', () => {
	it('reads an ordinary wall time', () => {
		expect(zonedToInstant('2026-11-16', '09:05', 'Europe/Berlin')).toBe(utc('2026-11-16T08:05Z'));
		expect(zonedToInstant('2026-11-16', '00:30', 'Pacific/Kiritimati')).toBe(
			utc('2026-11-15T10:30Z')
		);
		expect(zonedToInstant('2026-07-01', '12:00:30', 'UTC')).toBe(utc('2026-07-01T12:00:30Z'));
	});

	it.each([
		// Spring forward: the missing hour moves forward by the gap.
		['Europe/Berlin', '2026-03-29', '01:59', '2026-03-29T00:59Z'],
		['Europe/Berlin', '2026-03-29', '02:00', '2026-03-29T01:00Z'],
		['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30Z'],
		['Europe/Berlin', '2026-03-29', '03:00', '2026-03-29T01:00Z'],
		['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30Z'],
		['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:45Z'],
		// Fall back: the repeated hour takes its first occurrence.
		['Europe/Berlin', '2026-10-25', '01:59', '2026-10-24T23:59Z'],
		['Europe/Berlin', '2026-10-25', '02:00', '2026-10-25T00:00Z'],
		['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30Z'],
		['Europe/Berlin', '2026-10-25', '03:00', '2026-10-25T02:00Z'],
		['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30Z'],
		['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45Z']
	])('%s %s %s is %s', (tz, date, time, expected) => {
		expect(zonedToInstant(date, time, tz)).toBe(utc(expected));
	});

	it('shows a gap time moved forward when written back', () => {
		const at = zonedToInstant('2026-03-29', '02:30', 'Europe/Berlin');
		expect(toZonedIso(at, 'Europe/Berlin')).toBe('2026-03-29T03:30:00+02:00');
		const lh = zonedToInstant('2026-10-04', '02:15', 'Australia/Lord_Howe');
		expect(toZonedIso(lh, 'Australia/Lord_Howe')).toBe('2026-10-04T02:45:00+11:00');
	});

	it.each([
		['2026-02-30', '09:00'],
		['2026-13-01', '09:00'],
		['2026-1-5', '09:00'],
		['2026-11-16', '24:00'],
		['2026-11-16', '09:60'],
		['2026-11-16', '9:05']
	])('throws for %s %s', (date, time) => {
		expect(() => zonedToInstant(date, time, 'UTC')).toThrow(RangeError);
	});
});

describe('startOfDayInstant and dayLengthMinutes', () => {
	it('starts a day at local midnight', () => {
		expect(startOfDayInstant('2026-03-29', 'Europe/Berlin')).toBe(utc('2026-03-28T23:00Z'));
		expect(startOfDayInstant('2026-03-30', 'Europe/Berlin')).toBe(utc('2026-03-29T22:00Z'));
	});

	it('starts at 01:00 where the DST gap swallows midnight (Santiago)', () => {
		expect(startOfDayInstant('2026-09-06', 'America/Santiago')).toBe(utc('2026-09-06T04:00Z'));
		expect(dayLengthMinutes('2026-09-06', 'America/Santiago')).toBe(1380);
	});

	it.each([
		['Europe/Berlin', '2026-03-29', 1380],
		['Europe/Berlin', '2026-10-25', 1500],
		['Europe/Berlin', '2026-03-30', 1440],
		['America/New_York', '2026-03-08', 1380],
		['America/New_York', '2026-11-01', 1500],
		['Australia/Lord_Howe', '2026-10-04', 1410],
		['Australia/Lord_Howe', '2026-04-05', 1470],
		['Pacific/Kiritimati', '2026-03-29', 1440],
		['UTC', '2026-10-25', 1440]
	])('%s %s lasts %i minutes', (tz, date, minutes) => {
		expect(dayLengthMinutes(date, tz)).toBe(minutes);
	});
});

describe('dayOfIsoString', () => {
	it('is the date as written, in the offset it carries', () => {
		expect(dayOfIsoString('2026-11-15T23:30:00-05:00')).toBe('2026-11-15');
		expect(dayOfIsoString('2026-11-16T00:30:00+14:00')).toBe('2026-11-16');
	});
});
