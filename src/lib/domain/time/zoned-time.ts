/**
 * Wall-clock time in an IANA time zone, computed with `Intl` only (no tz database of our
 * own). Instants are epoch milliseconds; calendar dates are `YYYY-MM-DD`; wall times `HH:MM`.
 * Everything here is DST-correct and independent of the device's own zone unless the
 * function says otherwise.
 */
import { addDays } from '../local-date';

export { isoWeekKey, weekDays, weekStartOf, type WeekStart } from './week';

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
	let f = formatters.get(tz);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: tz,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(tz, f);
	}
	return f;
}

/** The time zone this device is set to, or `UTC` when `Intl` cannot tell. */
export function deviceTimeZone(): string {
	try {
		return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
	} catch {
		return 'UTC';
	}
}

/** `pref` when it is a time zone `Intl` knows, otherwise {@link deviceTimeZone}. */
export function resolveTimeZone(pref: string): string {
	if (!pref.trim()) return deviceTimeZone();
	try {
		formatter(pref);
		return pref;
	} catch {
		return deviceTimeZone();
	}
}

/**
 * Offset of `tz` from UTC at `instantMs`, in minutes east of Greenwich: +60 for
 * Europe/Berlin in winter, -240 for America/New_York in summer, +630 for Lord Howe.
 */
export function zoneOffsetMinutes(instantMs: number, tz: string): number {
	const seconds = Math.floor(instantMs / 1000) * 1000;
	const p: Record<string, number> = {};
	for (const part of formatter(tz).formatToParts(seconds)) p[part.type] = Number(part.value);
	const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour, p.minute, p.second);
	return Math.round((wall - seconds) / MINUTE);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM:SS` of the wall clock in `tz` at `instantMs` (no offset). */
function wallClock(instantMs: number, tz: string): string {
	const d = new Date(
		Math.floor(instantMs / 1000) * 1000 + zoneOffsetMinutes(instantMs, tz) * MINUTE
	);
	const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
	return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * ISO 8601 with the zone's offset at that instant, to the second:
 * `2026-11-16T09:05:00+01:00`. UTC is written `+00:00`, never `Z`, so the first ten
 * characters are always the local calendar date.
 */
export function toZonedIso(instantMs: number, tz: string): string {
	const offset = zoneOffsetMinutes(instantMs, tz);
	const abs = Math.abs(offset);
	const sign = offset < 0 ? '-' : '+';
	return `${wallClock(instantMs, tz)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Calendar date (`YYYY-MM-DD`) in `tz` at `instantMs`. */
export const localDateOf = (instantMs: number, tz: string): string =>
	wallClock(instantMs, tz).slice(0, 10);

/** Wall time (`HH:MM`) in `tz` at `instantMs`. */
export const localTimeOf = (instantMs: number, tz: string): string =>
	wallClock(instantMs, tz).slice(11, 16);

/** `date` `time` read as if it were UTC, validated (no rolling 25:00 into the next day). */
function wallMs(date: string, time: string): number {
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
	const n = (v: string | undefined) => Number(v ?? 0);
	if (d && t) {
		const [y, mo, da, h, mi, s] = [n(d[1]), n(d[2]), n(d[3]), n(t[1]), n(t[2]), n(t[3])];
		const at = new Date(Date.UTC(2000, mo - 1, da, h, mi, s));
		at.setUTCFullYear(y);
		const valid = at.getUTCMonth() === mo - 1 && at.getUTCDate() === da && h < 24;
		if (valid && mi < 60 && s < 60) return at.getTime();
	}
	throw new RangeError(`Not a date and time: ${date} ${time}`);
}

/**
 * The instant at which the wall clock in `tz` reads `date` `time` (`HH:MM` or `HH:MM:SS`).
 * In a DST gap (a time that does not exist) the time moves forward by the gap: 02:30 on
 * Berlin's spring-forward day is 03:30 CEST. In an overlap (a time that happens twice when
 * clocks go back) the earlier instant wins. Throws a RangeError for malformed input.
 */
export function zonedToInstant(date: string, time: string, tz: string): number {
	const wall = wallMs(date, time);
	// Offsets either side of any transition near this wall time; real zones never change
	// twice within two days.
	const before = zoneOffsetMinutes(wall - DAY, tz);
	const after = zoneOffsetMinutes(wall + DAY, tz);
	const candidates = [wall - before * MINUTE, wall - after * MINUTE]
		.filter((at) => at + zoneOffsetMinutes(at, tz) * MINUTE === wall)
		.sort((a, b) => a - b);
	// No candidate: the wall time is in a gap; read it with the offset from before the gap.
	return candidates[0] ?? wall - before * MINUTE;
}

/**
 * Calendar date of an ISO string as it was written (its first ten characters): the date
 * in the zone of the offset it carries, not the device's zone.
 */
export const dayOfIsoString = (iso: string): string => iso.slice(0, 10);

/** First instant of `date` in `tz` (01:00 where a DST gap swallows midnight). */
export const startOfDayInstant = (date: string, tz: string): number =>
	zonedToInstant(date, '00:00', tz);

/** Length of `date` in `tz`, in minutes: 1440, or 1380/1500 (1410/1470) on DST days. */
export function dayLengthMinutes(date: string, tz: string): number {
	const next = startOfDayInstant(addDays(date, 1), tz);
	return Math.round((next - startOfDayInstant(date, tz)) / MINUTE);
}
