import { describe, expect, it } from 'vitest';
import {
	dayOfIsoString,
	localDateOf,
	toZonedIso,
	weekStartOf,
	zoneOffsetMinutes,
	type WeekStart
} from './zoned-time';

/** The week an instant is booked in, for a user in `tz` whose weeks start on `ws`. */
const weekOf = (iso: string, tz: string, ws: WeekStart = 'monday') =>
	weekStartOf(localDateOf(Date.parse(iso), tz), ws);

describe('bucketing instants into days and weeks', () => {
	it('books 23:30 on a Sunday in New York on that Sunday, though UTC is Monday', () => {
		const at = '2026-11-16T04:30:00Z';
		expect(localDateOf(Date.parse(at), 'America/New_York')).toBe('2026-11-15');
		expect(weekOf(at, 'America/New_York')).toBe('2026-11-09');
		expect(weekOf(at, 'UTC')).toBe('2026-11-16');
		expect(weekOf(at, 'America/New_York', 'sunday')).toBe('2026-11-15');
		const written = toZonedIso(Date.parse(at), 'America/New_York');
		expect(written).toBe('2026-11-15T23:30:00-05:00');
		expect(dayOfIsoString(written)).toBe('2026-11-15');
	});

	it('Europe/Berlin spring forward (Sunday 2026-03-29): midnight is at 22:00 UTC', () => {
		expect(weekOf('2026-03-29T21:59:00Z', 'Europe/Berlin')).toBe('2026-03-23');
		expect(weekOf('2026-03-29T22:00:00Z', 'Europe/Berlin')).toBe('2026-03-30');
		expect(weekOf('2026-03-28T22:59:00Z', 'Europe/Berlin')).toBe('2026-03-23');
		expect(localDateOf(Date.parse('2026-03-28T23:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29');
	});

	it('Europe/Berlin fall back (Sunday 2026-10-25): midnight is at 23:00 UTC', () => {
		expect(weekOf('2026-10-25T22:59:00Z', 'Europe/Berlin')).toBe('2026-10-19');
		expect(weekOf('2026-10-25T23:00:00Z', 'Europe/Berlin')).toBe('2026-10-26');
		// The repeated hour: both 02:30s are on the 25th.
		expect(toZonedIso(Date.parse('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe(
			'2026-10-25T02:30:00+02:00'
		);
		expect(toZonedIso(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe(
			'2026-10-25T02:30:00+01:00'
		);
	});

	it('America/New_York spring forward (Sunday 2026-03-08)', () => {
		expect(weekOf('2026-03-09T03:59:00Z', 'America/New_York')).toBe('2026-03-02');
		expect(weekOf('2026-03-09T04:00:00Z', 'America/New_York')).toBe('2026-03-09');
		expect(weekOf('2026-03-09T03:59:00Z', 'America/New_York', 'sunday')).toBe('2026-03-08');
		expect(weekOf('2026-03-08T04:59:00Z', 'America/New_York', 'sunday')).toBe('2026-03-01');
		expect(weekOf('2026-03-08T05:00:00Z', 'America/New_York', 'sunday')).toBe('2026-03-08');
	});

	it('America/New_York fall back (Sunday 2026-11-01)', () => {
		expect(weekOf('2026-11-02T04:59:00Z', 'America/New_York')).toBe('2026-10-26');
		expect(weekOf('2026-11-02T05:00:00Z', 'America/New_York')).toBe('2026-11-02');
		expect(weekOf('2026-11-01T03:59:00Z', 'America/New_York', 'sunday')).toBe('2026-10-25');
		expect(weekOf('2026-11-01T04:00:00Z', 'America/New_York', 'sunday')).toBe('2026-11-01');
	});

	it("Australia/Lord_Howe's half-hour DST shifts midnight by 30 minutes", () => {
		// Sunday 2026-10-04 02:00 → 02:30 (+10:30 → +11:00)
		expect(zoneOffsetMinutes(Date.parse('2026-10-03T15:29:00Z'), 'Australia/Lord_Howe')).toBe(630);
		expect(zoneOffsetMinutes(Date.parse('2026-10-03T15:30:00Z'), 'Australia/Lord_Howe')).toBe(660);
		expect(weekOf('2026-10-04T12:59:00Z', 'Australia/Lord_Howe')).toBe('2026-09-28');
		expect(weekOf('2026-10-04T13:00:00Z', 'Australia/Lord_Howe')).toBe('2026-10-05');
		// Sunday 2026-04-05 02:00 → 01:30 (+11:00 → +10:30)
		expect(weekOf('2026-04-05T13:29:00Z', 'Australia/Lord_Howe')).toBe('2026-03-30');
		expect(weekOf('2026-04-05T13:30:00Z', 'Australia/Lord_Howe')).toBe('2026-04-06');
		expect(toZonedIso(Date.parse('2026-04-05T13:30:00Z'), 'Australia/Lord_Howe')).toBe(
			'2026-04-06T00:00:00+10:30'
		);
	});

	it('Pacific/Kiritimati (+14) is a day ahead of UTC for ten hours', () => {
		expect(weekOf('2026-11-15T09:59:00Z', 'Pacific/Kiritimati')).toBe('2026-11-09');
		expect(weekOf('2026-11-15T10:00:00Z', 'Pacific/Kiritimati')).toBe('2026-11-16');
		expect(weekOf('2026-11-15T10:00:00Z', 'UTC')).toBe('2026-11-09');
		expect(toZonedIso(Date.parse('2026-11-15T10:00:00Z'), 'Pacific/Kiritimati')).toBe(
			'2026-11-16T00:00:00+14:00'
		);
	});
});
