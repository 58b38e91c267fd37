/**
 * Pure operations on time entries: start and stop a timer, record time by hand, edit an
 * entry, check its times. They return plain documents; the caller validates and writes them.
 */
import { monotonicFactory } from 'ulidx';
import type { TimeEntry } from '../schemas/time-entry.schema';
import { MAX_ENTRY_MINUTES } from './duration';
import { toZonedIso } from './zoned-time';

const ulid = monotonicFactory();
const MINUTE = 60_000;

/** A new time entry id, `time:<ULID>`. */
export const newTimeEntryId = (): `time:${string}` => `time:${ulid()}`;

/** Who tracks time on what: the fields every new entry needs. */
interface EntryOwner {
	user: string;
	task: string;
	project: string;
	billable: boolean;
}

/** A new entry document for `o` from `start` to `end` (null while running), created at `now`. */
function newEntry(
	o: EntryOwner,
	start: string,
	end: string | null,
	note: string,
	now: number
): TimeEntry {
	const stamp = new Date(now).toISOString();
	const minutes = end === null ? 0 : entryMinutes(start, end);
	const { user, task, project, billable } = o;
	const doc = { _id: newTimeEntryId(), type: 'time', user, task, project, start, end } as const;
	return { ...doc, minutes, note, billable, createdBy: user, createdAt: stamp, updatedAt: stamp };
}

/**
 * A running timer for `user` on `task`, started at `now` and stamped in the user's zone
 * `tz` (`start` keeps that zone's offset, so its date is the user's calendar day).
 */
export function startTimer(
	input: EntryOwner & { now: number; tz: string; note?: string }
): TimeEntry {
	return newEntry(input, toZonedIso(input.now, input.tz), null, input.note ?? '', input.now);
}

/** Whole minutes between two ISO instants (rounded; negative when `endIso` is earlier). */
export function entryMinutes(startIso: string, endIso: string): number {
	return Math.round((Date.parse(endIso) - Date.parse(startIso)) / MINUTE);
}

/**
 * Stop a running timer at `now` (never before its start, in case this device's clock is
 * behind the one that started it), writing `end` in `tz`. A run longer than 24 hours is
 * still stopped with its real end and minutes: callers check {@link validateTimes} and let
 * the user correct it before saving. An entry already stopped is returned unchanged.
 */
export function stopTimer(entry: TimeEntry, now: number, tz: string): TimeEntry {
	if (entry.end !== null) return entry;
	const end = toZonedIso(Math.max(now, Date.parse(entry.start)), tz);
	return {
		...entry,
		end,
		minutes: Math.max(0, entryMinutes(entry.start, end)),
		updatedAt: new Date(now).toISOString()
	};
}

/**
 * A finished entry typed in by hand; `start` and `end` are ISO strings with offsets. Not
 * checked here: call {@link validateTimes} first.
 */
export function manualEntry(
	input: EntryOwner & { start: string; end: string; note: string; now: number }
): TimeEntry {
	return newEntry(input, input.start, input.end, input.note, input.now);
}

/**
 * Why `start`–`end` cannot be saved, or null when it can. `end` null means a running timer.
 * Checks, first failure wins: unreadable times; end not after start; longer than 24 hours;
 * start more than a minute after `now` (only when `now` is given); overlap with the user's
 * `running` timer, whose span is [its start, `now`) (open-ended without `now`), unless
 * `selfId` says the entry being checked is that timer.
 */
export function validateTimes(
	start: string,
	end: string | null,
	opts: { running?: TimeEntry | null; now?: number; selfId?: string } = {}
): string | null {
	const s = Date.parse(start);
	const e = end === null ? null : Date.parse(end);
	if (Number.isNaN(s)) return 'Start is not a valid time';
	if (e !== null && Number.isNaN(e)) return 'End is not a valid time';
	if (e !== null && e <= s) return 'End must be after start';
	if (e !== null && e - s > MAX_ENTRY_MINUTES * MINUTE) {
		return 'A time entry cannot be longer than 24 hours';
	}
	const { running, now, selfId } = opts;
	if (now !== undefined && s > now + MINUTE) return 'Start cannot be in the future';
	if (running && running.end === null && running._id !== selfId) {
		const runStart = Date.parse(running.start);
		const runEnd = now ?? Infinity;
		const thisEnd = e ?? now ?? Infinity;
		if (runStart < runEnd && s < runEnd && runStart < thisEnd) {
			return `Overlaps your running timer (started ${running.start.slice(11, 16)})`;
		}
	}
	return null;
}

/** `user`'s running timers (normally at most one), the most recently started first. */
export function runningTimers(entries: readonly TimeEntry[], user: string): TimeEntry[] {
	return entries
		.filter((e) => e.end === null && e.user === user)
		.sort((a, b) => Date.parse(b.start) - Date.parse(a.start) || (a._id < b._id ? 1 : -1));
}

/** Milliseconds tracked by `entry`: up to `now` while it runs, never negative. */
export function elapsedMs(entry: TimeEntry, now: number): number {
	const end = entry.end === null ? now : Date.parse(entry.end);
	return Math.max(0, end - Date.parse(entry.start));
}

/** The fields of a time entry its owner may edit. */
export type TimeEntryPatch = Partial<
	Pick<TimeEntry, 'start' | 'end' | 'note' | 'billable' | 'task' | 'project'>
>;
const PATCHABLE = ['start', 'end', 'note', 'billable', 'task', 'project'] as const;

/**
 * `entry` with `patch` applied (fields absent or undefined in `patch` are kept), `minutes`
 * recomputed from the times (0 while `end` is null) and `updatedAt` set to `now`. Does not
 * check the times: call {@link validateTimes} first.
 */
export function applyEntryPatch(entry: TimeEntry, patch: TimeEntryPatch, now: number): TimeEntry {
	const next: TimeEntry = { ...entry };
	for (const field of PATCHABLE) {
		if (patch[field] !== undefined) Object.assign(next, { [field]: patch[field] });
	}
	next.minutes = next.end === null ? 0 : entryMinutes(next.start, next.end);
	next.updatedAt = new Date(now).toISOString();
	return next;
}
