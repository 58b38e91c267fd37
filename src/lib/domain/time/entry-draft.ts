/**
 * What a person types into the time entry form, turned into a start and end: either a
 * duration on a day ("1h30" on Tuesday) or a start and end time ("22:00"–"01:30", which
 * ends the next day).
 */
import { addDays } from '../local-date';
import { parseDuration } from './duration';
import { localDateOf, toZonedIso, zonedToInstant } from './zoned-time';

export interface EntryDraft {
	date: string;
	mode: 'duration' | 'span';
	duration: string;
	startTime: string;
	endTime: string;
}

export type DraftSpan =
	| { ok: true; start: string; end: string; overnight: boolean }
	| { ok: false; field: 'date' | 'duration' | 'startTime' | 'endTime'; error: string };

const MINUTE = 60_000;

/**
 * The span of a draft in time zone `tz`. A duration today ends now (or where the running
 * timer began, so the two never overlap); on an earlier day it starts at `placeAt`
 * (an instant, e.g. the end of that day's last entry) or at 09:00.
 */
export function draftSpan(
	d: EntryDraft,
	tz: string,
	opts: { now: number; runningStart?: number | null; placeAt?: number | null }
): DraftSpan {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) return { ok: false, field: 'date', error: 'Pick a day' };
	const today = localDateOf(opts.now, tz);
	if (d.date > today) return { ok: false, field: 'date', error: 'Time cannot be logged ahead' };
	if (d.mode === 'duration') {
		const parsed = parseDuration(d.duration);
		if (!parsed.ok) return { ok: false, field: 'duration', error: parsed.error };
		const length = parsed.minutes * MINUTE;
		let start: number;
		if (d.date === today) {
			const end = Math.min(opts.now, opts.runningStart ?? Infinity);
			start = Math.max(end - length, zonedToInstant(d.date, '00:00', tz));
		} else {
			start = opts.placeAt ?? zonedToInstant(d.date, '09:00', tz);
		}
		return {
			ok: true,
			start: toZonedIso(start, tz),
			end: toZonedIso(start + length, tz),
			overnight: false
		};
	}
	const time = /^([01]\d|2[0-3]):[0-5]\d$/;
	if (!time.test(d.startTime)) {
		return { ok: false, field: 'startTime', error: 'Enter a start time' };
	}
	if (!time.test(d.endTime)) return { ok: false, field: 'endTime', error: 'Enter an end time' };
	const overnight = d.endTime <= d.startTime;
	const start = zonedToInstant(d.date, d.startTime, tz);
	const end = zonedToInstant(overnight ? addDays(d.date, 1) : d.date, d.endTime, tz);
	return { ok: true, start: toZonedIso(start, tz), end: toZonedIso(end, tz), overnight };
}
