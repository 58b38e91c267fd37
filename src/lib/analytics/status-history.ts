/**
 * Durations from a task's status changes, as recorded in the activity log: lead time,
 * cycle time, time spent per status, and the status on a given day (for flow charts).
 *
 * Devices' clocks disagree, so a change may be stamped before the task's `createdAt`; such
 * changes are treated as happening at creation, which keeps every duration non-negative.
 * Changes with the same timestamp apply in the order given.
 */
import { TASK_STATUSES, type TaskStatus } from '../domain/schemas/task.schema';

/** One status change of a task, from the activity log. `from` is null for a creation record. */
export type StatusChange = { at: string; from: TaskStatus | null; to: TaskStatus };

/** A task's creation time and its status changes (any order), as read from the activity log. */
export type TaskHistory = {
	task: string;
	/** The task's project, when the history came from a view keyed by project. */
	project?: string;
	createdAt: string;
	changes: readonly StatusChange[];
};

/**
 * A history parsed once for repeated queries (flow charts ask about every task on every day):
 * times in epoch ms, changes sorted and clamped to creation.
 */
export type StatusTimeline = {
	task: string;
	created: number;
	initial: TaskStatus;
	steps: readonly { at: number; to: TaskStatus }[];
};

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseTime(task: string, iso: string): number {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) throw new RangeError(`Bad time in the history of ${task}: ${iso}`);
	return ms;
}

/**
 * Parses and sorts a history. The status at creation is the `from` of the earliest change
 * (its `to` if that is a creation record with `from: null`), or 'todo' when nothing changed.
 * Throws a RangeError for an unparseable timestamp.
 */
export function statusTimeline(h: TaskHistory): StatusTimeline {
	const created = parseTime(h.task, h.createdAt);
	const steps = h.changes
		.map((c) => ({ at: Math.max(created, parseTime(h.task, c.at)), to: c.to, from: c.from }))
		.sort((a, b) => a.at - b.at);
	const first = steps[0];
	const initial = first ? (first.from ?? first.to) : 'todo';
	return { task: h.task, created, initial, steps: steps.map(({ at, to }) => ({ at, to })) };
}

/** Status at instant `ms` (changes at exactly `ms` included); null before creation. */
export function statusAt(t: StatusTimeline, ms: number): TaskStatus | null {
	if (ms < t.created) return null;
	let status = t.initial;
	for (const step of t.steps) {
		if (step.at > ms) break;
		status = step.to;
	}
	return status;
}

/** Start of the final, uninterrupted stretch in 'done'; null if the task ends elsewhere. */
function doneSince(t: StatusTimeline): number | null {
	let i = t.steps.length;
	while (i > 0 && t.steps[i - 1]?.to === 'done') i--;
	if (i === t.steps.length) return null;
	// Every change went into done and it was created done: done since creation.
	if (i === 0 && t.initial === 'done') return t.created;
	return (t.steps[i] as { at: number }).at;
}

/**
 * Lead time in days (fractional): from creation to the change that moved the task into
 * 'done' for good — the start of its final stretch in done, so reopened-and-redone tasks
 * count to the last completion. Null if the task is not done at the end of its history.
 */
export function leadTimeDays(h: TaskHistory): number | null {
	const t = statusTimeline(h);
	const done = doneSince(t);
	return done === null ? null : (done - t.created) / DAY_MS;
}

/**
 * Cycle time in days (fractional): from the first time the task went into 'in_progress'
 * (its creation, if it was created in progress) to the same final 'done' as `leadTimeDays`.
 * Null if it never was in progress or is not done at the end; this measures how long work
 * took once started, where lead time includes the wait in the backlog.
 */
export function cycleTimeDays(h: TaskHistory): number | null {
	const t = statusTimeline(h);
	const done = doneSince(t);
	if (done === null) return null;
	const started =
		t.initial === 'in_progress' ? t.created : t.steps.find((s) => s.to === 'in_progress')?.at;
	return started === undefined ? null : (done - started) / DAY_MS;
}

/**
 * Milliseconds the task spent in each status from creation to `now`; the status it holds
 * at `now` counts up to `now`, and changes after `now` are ignored. All zeros if `now` is
 * before creation. Shows where work waits (e.g. long stretches in review).
 */
export function timeInStatus(h: TaskHistory, now: string): Record<TaskStatus, number> {
	const t = statusTimeline(h);
	const end = parseTime(h.task, now);
	const out = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
	if (end < t.created) return out;
	let since = t.created;
	let status = t.initial;
	for (const step of t.steps) {
		if (step.at > end) break;
		out[status] += step.at - since;
		since = step.at;
		status = step.to;
	}
	out[status] += end - since;
	return out;
}

/**
 * Status at the end of `day` (`YYYY-MM-DD`, end of day in UTC: `${day}T23:59:59.999Z`);
 * null if the task did not exist yet. The building block of cumulative flow and burn-up.
 */
export function statusOn(h: TaskHistory, day: string): TaskStatus | null {
	return statusAt(statusTimeline(h), endOfDayUtc(day));
}

/** Epoch ms of the last millisecond of `day` in UTC; throws a RangeError for a malformed day. */
export function endOfDayUtc(day: string): number {
	const ms = DATE.test(day) ? Date.parse(`${day}T23:59:59.999Z`) : Number.NaN;
	// Date.parse rolls 2026-02-30 over into March; a round trip catches that.
	if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
		throw new RangeError(`Not a date (YYYY-MM-DD): ${day}`);
	}
	return ms;
}
