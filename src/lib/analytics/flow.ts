/**
 * Day-by-day and week-by-week series for flow charts: cumulative flow (tasks per status),
 * burn-up (scope vs done), weekly counts with empty weeks filled in, and the ideal line a
 * burn-down is compared against. Days are `YYYY-MM-DD`; a day's status is the one at its end
 * in UTC, as `statusOn` defines it.
 */
import { addDays, daysBetween } from '../domain/local-date';
import { TASK_STATUSES, type TaskStatus } from '../domain/schemas/task.schema';
import { isoWeekKey, weekStartOf } from '../domain/time/week';
import { endOfDayUtc, statusAt, statusTimeline, type TaskHistory } from './status-history';

/** Tasks per status at the end of one day. */
export type FlowDay = { day: string; counts: Record<TaskStatus, number> };
/** Tasks existing (`scope`) and tasks done at the end of one day. */
export type BurnupDay = { day: string; scope: number; done: number };
/** One Monday-based ISO week and its count. */
export type WeekCount = { weekStart: string; week: string; count: number };
/** The ideal remaining work on one day. */
export type IdealPoint = { day: string; remaining: number };

/** Every day from `from` to `to` inclusive ([] if `to` is earlier); throws on bad dates. */
function dayRange(from: string, to: string): string[] {
	endOfDayUtc(from);
	endOfDayUtc(to);
	const n = daysBetween(from, to);
	return n < 0 ? [] : Array.from({ length: n + 1 }, (_, i) => addDays(from, i));
}

/** Status of each task at the end of each day, `null` where it did not exist yet. */
function statusesByDay(histories: readonly TaskHistory[], from: string, to: string) {
	const timelines = histories.map(statusTimeline);
	return dayRange(from, to).map((day) => {
		const end = endOfDayUtc(day);
		return { day, statuses: timelines.map((t) => statusAt(t, end)) };
	});
}

/**
 * Cumulative flow: for each day from `from` to `to` inclusive, how many tasks were in each
 * status at the end of the day (tasks not yet created are not counted). Widening bands show
 * where work piles up. Every status is present, with 0 when empty. Throws a RangeError for a
 * malformed day or timestamp.
 */
export function cumulativeFlow(
	histories: readonly TaskHistory[],
	from: string,
	to: string
): FlowDay[] {
	return statusesByDay(histories, from, to).map(({ day, statuses }) => {
		const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<
			TaskStatus,
			number
		>;
		for (const s of statuses) if (s !== null) counts[s]++;
		return { day, counts };
	});
}

/**
 * Burn-up: for each day from `from` to `to` inclusive, the scope (tasks created by the end
 * of the day) and how many of them were done at the end of the day, so scope growth shows
 * separately from progress. Throws a RangeError for a malformed day or timestamp.
 */
export function burnup(histories: readonly TaskHistory[], from: string, to: string): BurnupDay[] {
	return statusesByDay(histories, from, to).map(({ day, statuses }) => ({
		day,
		scope: statuses.filter((s) => s !== null).length,
		done: statuses.filter((s) => s === 'done').length
	}));
}

/**
 * One entry per Monday-based ISO week from `fromWeekStart` to `toWeekStart` inclusive, with
 * the count of the matching `rows` (by `week` key, e.g. '2026-W47'; duplicates are summed,
 * rows outside the range ignored) and 0 for weeks without rows, so charts show gaps as zero
 * rather than skipping them. Dates that are not Mondays stand for the week containing them.
 */
export function weeklyCounts(
	rows: readonly { week: string; count: number }[],
	fromWeekStart: string,
	toWeekStart: string
): WeekCount[] {
	const from = weekStartOf(fromWeekStart, 'monday');
	const weeks = daysBetween(from, weekStartOf(toWeekStart, 'monday')) / 7;
	const totals = new Map<string, number>();
	for (const r of rows) totals.set(r.week, (totals.get(r.week) ?? 0) + r.count);
	return Array.from({ length: Math.max(0, weeks + 1) }, (_, i) => {
		const weekStart = addDays(from, 7 * i);
		const week = isoWeekKey(weekStart);
		return { weekStart, week, count: totals.get(week) ?? 0 };
	});
}

/**
 * The ideal burn-down: a straight line from `scope` on `from` to 0 on `target`, one point
 * per day inclusive, rounded to 2 decimals. A single point of 0 when `target` is `from`;
 * [] when `target` is earlier. Throws a RangeError for a malformed day.
 */
export function idealLine(scope: number, from: string, target: string): IdealPoint[] {
	const days = dayRange(from, target);
	const n = days.length - 1;
	return days.map((day, i) => ({
		day,
		remaining: n === 0 ? 0 : Math.round(((scope * (n - i)) / n + Number.EPSILON) * 100) / 100
	}));
}
