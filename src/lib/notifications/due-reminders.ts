/**
 * Due-soon and overdue reminders. A task due on a day is due when that day ends in the
 * recipient's time zone. Each lead time (24 h and 1 h by default) fires once, when its
 * threshold has passed and the task is still open and not yet due; if several have passed
 * at once (the task was just given a close date, or the worker was down) only the nearest
 * fires. Overdue fires once the due moment has passed, within `overdueWindowMs` (so a
 * restart does not dig up months-old due dates). Ids carry the task, due date and lead, so
 * a changed due date re-arms its reminders and the device and the worker agree on them.
 */
import { ulidOf } from '../domain/ids';
import { addDays } from '../domain/local-date';
import type { Notification } from '../domain/schemas/notification.schema';
import { resolveTimeZone, startOfDayInstant } from '../domain/time/zoned-time';
import type { Draft, TaskFacts } from './notification-events';

const HOUR = 3_600_000;
export const OVERDUE_WINDOW_MS = 7 * 24 * HOUR;

/** The zone reminders are computed in: the user's choice, else `fallback` (UTC on servers). */
export function reminderZone(pref: string, fallback: string): string {
	return pref.trim() ? resolveTimeZone(pref) : fallback;
}

const instants = new Map<string, number>();

/** The instant a task due on `due` (YYYY-MM-DD) is due: the end of that day in `zone`. */
export function dueInstant(due: string, zone: string): number {
	// Many tasks share a due date, and zone arithmetic through Intl is slow: remember it.
	const key = `${due}|${zone}`;
	let at = instants.get(key);
	if (at === undefined) {
		at = startOfDayInstant(addDays(due, 1), zone);
		if (instants.size > 20_000) instants.clear();
		instants.set(key, at);
	}
	return at;
}

/** Who gets a task's reminders: its assignee, or whoever created it when unassigned. */
export const reminderRecipient = (task: TaskFacts): string => task.assignee ?? task.createdBy;

export function dueSoonId(task: string, due: string, leadHours: number): string {
	return `notification:due_soon:${ulidOf(task)}:${due}:${leadHours}h`;
}
export function overdueId(task: string, due: string): string {
	return `notification:overdue:${ulidOf(task)}:${due}`;
}

export interface ReminderCheck {
	/** What is due now (at most one reminder). */
	draft: Draft | null;
	/** When this task's next reminder falls due, if any. */
	nextAt: number | null;
}

export function dueReminder(
	task: TaskFacts,
	opts: {
		workspace: string;
		user: string;
		leadHours: readonly number[];
		zone: string;
		nowMs: number;
		overdueWindowMs?: number;
	}
): ReminderCheck {
	if (!task.due || task.status === 'done' || task.deletedAt) return { draft: null, nextAt: null };
	const due = dueInstant(task.due, opts.zone);
	const now = opts.nowMs;
	const make = (id: string, kind: 'due_soon' | 'overdue', at: number): Draft => {
		const doc: Notification = {
			_id: id,
			type: 'notification',
			kind,
			workspace: opts.workspace,
			task: task._id,
			project: task.project ?? null,
			title: task.title.slice(0, 200),
			actor: null,
			from: null,
			to: task.due,
			at: new Date(at).toISOString(),
			createdAt: new Date(now).toISOString(),
			readAt: null,
			quiet: false
		};
		return { user: opts.user, doc };
	};
	if (now >= due) {
		const window = opts.overdueWindowMs ?? OVERDUE_WINDOW_MS;
		return {
			draft: now < due + window ? make(overdueId(task._id, task.due), 'overdue', due) : null,
			nextAt: null
		};
	}
	const leads = [...opts.leadHours].sort((a, b) => a - b); // nearest first
	const passed = leads.find((h) => due - h * HOUR <= now);
	const upcoming = leads
		.map((h) => due - h * HOUR)
		.filter((t) => t > now)
		.sort((a, b) => a - b)[0];
	return {
		draft:
			passed === undefined
				? null
				: make(dueSoonId(task._id, task.due, passed), 'due_soon', due - passed * HOUR),
		nextAt: upcoming ?? due
	};
}
