/**
 * Figures of the analytics dashboard derived from task histories and tracked time: lead and
 * cycle times of the work finished in a range, where tasks wait, how estimates compare with
 * the time logged, and the throughput sample the forecast draws from.
 */
import { TASK_STATUSES, type TaskStatus } from '../domain/schemas/task.schema';
import { percentile } from './percentiles';
import { cycleTimeDays, leadTimeDays, timeInStatus, type TaskHistory } from './status-history';
import type { WeekCount } from './flow';

const DAY = 86_400_000;

/** Lead and cycle times (days) of the tasks finished between `from` and `to` inclusive. */
export function flowTimes(
	histories: readonly TaskHistory[],
	from: string,
	to: string
): { lead: number[]; cycle: number[] } {
	const lead: number[] = [];
	const cycle: number[] = [];
	for (const h of histories) {
		const l = leadTimeDays(h);
		if (l === null) continue;
		// The (UTC) day it reached its final "done".
		const day = new Date(Date.parse(h.createdAt) + Math.round(l * DAY)).toISOString().slice(0, 10);
		if (day < from || day > to) continue;
		lead.push(l);
		const c = cycleTimeDays(h);
		if (c !== null) cycle.push(c);
	}
	return { lead, cycle };
}

/**
 * Average days a task spends in each status before "done" (over every task that has been
 * in it), longest first: where work waits.
 */
export function waitingTimes(
	histories: readonly TaskHistory[],
	now: string
): { status: TaskStatus; days: number; tasks: number }[] {
	const totals = new Map<TaskStatus, { ms: number; tasks: number }>();
	for (const h of histories) {
		const spent = timeInStatus(h, now);
		for (const s of TASK_STATUSES) {
			if (s === 'done' || spent[s] <= 0) continue;
			const t = totals.get(s) ?? { ms: 0, tasks: 0 };
			totals.set(s, { ms: t.ms + spent[s], tasks: t.tasks + 1 });
		}
	}
	return [...totals]
		.map(([status, t]) => ({ status, days: t.ms / t.tasks / DAY, tasks: t.tasks }))
		.sort((a, b) => b.days - a.days);
}

/**
 * How logged time compares with estimates on finished tasks that have both: the ratios
 * (actual ÷ estimate), their median, and the share within ±25 % of the estimate.
 */
export function estimateAccuracy(
	tasks: readonly { _id: string; status: string; estimate: number | null }[],
	minutesByTask: ReadonlyMap<string, number>
): { ratios: number[]; median: number; withinQuarter: number } {
	const ratios: number[] = [];
	for (const t of tasks) {
		const minutes = minutesByTask.get(t._id) ?? 0;
		if (t.status !== 'done' || !t.estimate || minutes <= 0) continue;
		ratios.push(minutes / 60 / t.estimate);
	}
	ratios.sort((a, b) => a - b);
	const close = ratios.filter((r) => r >= 0.75 && r <= 1.25).length;
	return {
		ratios,
		median: percentile(ratios, 50),
		withinQuarter: ratios.length ? close / ratios.length : NaN
	};
}

/** The last `n` complete weeks' counts before the week starting `currentWeekStart`. */
export function recentThroughput(
	weeks: readonly WeekCount[],
	currentWeekStart: string,
	n = 8
): number[] {
	return weeks
		.filter((w) => w.weekStart < currentWeekStart)
		.slice(-n)
		.map((w) => w.count);
}
