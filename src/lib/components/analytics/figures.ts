/**
 * The dashboard's chart series, computed from what `loadDashboard` read: pure functions so
 * the page only lays them out.
 */
import { addDays } from '$lib/domain/local-date';
import { STATUS_LABELS, TASK_STATUSES } from '$lib/domain/schemas/task.schema';
import { weekStartOf } from '$lib/domain/time/week';
import {
	estimateAccuracy,
	flowTimes,
	recentThroughput,
	waitingTimes
} from '$lib/analytics/dashboard';
import { idealLine, weeklyCounts } from '$lib/analytics/flow';
import { burnFromFlow, flowWithSnapshots } from '$lib/analytics/snapshots';
import { forecastCompletion } from '$lib/analytics/forecast';
import { distribution, histogram } from '$lib/analytics/percentiles';
import type { DashboardRaw } from './dashboard-load';

export const dayLabel = (d: string) =>
	new Date(`${d}T12:00:00Z`).toLocaleDateString(undefined, {
		day: 'numeric',
		month: 'short',
		timeZone: 'UTC'
	});
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Lead/cycle time bins in days: 0–1, 1–2, 2–3, 3–5, 5–8, … (a Fibonacci-like scale). */
export const DAY_BINS = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55];

function binLabels(edges: readonly number[], unit: string): string[] {
	return edges.map((e, i) =>
		i + 1 < edges.length ? `${e}–${edges[i + 1]}${unit}` : `${e}+${unit}`
	);
}

/** Which bin a value falls in (for P50/P85/P95 markers). */
function binOf(edges: readonly number[], v: number): number {
	let i = 0;
	while (i + 1 < edges.length && v >= edges[i + 1]!) i++;
	return i;
}

export function statusFigure(raw: DashboardRaw) {
	const rows = TASK_STATUSES.map(
		(s) =>
			[STATUS_LABELS[s], raw.counts.get(s)?.[0] ?? 0, round1(raw.counts.get(s)?.[1] ?? 0)] as const
	);
	return {
		labels: rows.map((r) => r[0]),
		tasks: rows.map((r) => r[1]),
		hours: rows.map((r) => r[2]),
		rows
	};
}

export function throughputFigure(raw: DashboardRaw, from: string, to: string) {
	const first = weekStartOf(from, 'monday');
	const last = weekStartOf(to, 'monday');
	const done = weeklyCounts(raw.completed, first, last);
	const created = weeklyCounts(raw.created, first, last);
	return {
		labels: done.map((w) => w.week.slice(5)),
		done: done.map((w) => w.count),
		created: created.map((w) => w.count),
		weeks: done
	};
}

/**
 * Burn-down and cumulative flow: days with a daily snapshot (written by the server's
 * analytics worker) use it, so scope that was later trashed or moved still shows; other
 * days are reconstructed from the activity log.
 */
export function flowFigure(
	raw: DashboardRaw,
	from: string,
	to: string,
	target: string | null,
	today: string
) {
	const cfd = flowWithSnapshots(raw.histories, raw.snapshots, from, to, today);
	const burn = burnFromFlow(cfd);
	const snapshotDays = cfd.filter((d) => d.fromSnapshot).length;
	const remaining = burn.map((d) => d.scope - d.done);
	let ideal: (number | null)[] = [];
	if (target && target > from) {
		// The line starts where the project has work (not on an empty first day of the range).
		const first = Math.max(
			0,
			burn.findIndex((d) => d.scope > 0)
		);
		const start = burn[first]?.day ?? from;
		const line = new Map(
			idealLine(remaining[first] ?? 0, start, target).map((p) => [p.day, p.remaining])
		);
		ideal = burn.map((d) => line.get(d.day) ?? null);
	}
	return { days: burn.map((d) => d.day), burn, cfd, remaining, ideal, snapshotDays };
}

export function timesFigure(raw: DashboardRaw, from: string, to: string) {
	const { lead, cycle } = flowTimes(raw.histories, from, to);
	const summary = (v: number[]) => {
		const d = distribution(v);
		const bins = histogram(v, DAY_BINS);
		return {
			d,
			bins,
			markers: v.length
				? [
						['P50', d.p50],
						['P85', d.p85],
						['P95', d.p95]
					].map(([label, x]) => ({ label: label as string, index: binOf(DAY_BINS, x as number) }))
				: []
		};
	};
	return { lead: summary(lead), cycle: summary(cycle), labels: binLabels(DAY_BINS, ' d') };
}

export function waitingFigure(raw: DashboardRaw, now: string) {
	return waitingTimes(raw.histories, now).map((w) => ({
		...w,
		label: STATUS_LABELS[w.status],
		days: round1(w.days)
	}));
}

export const RATIO_BINS = [0, 0.5, 0.75, 1.25, 1.5, 2];

export function accuracyFigure(
	tasks: readonly { _id: string; status: string; estimate: number | null }[],
	raw: DashboardRaw
) {
	const acc = estimateAccuracy(tasks, raw.tracked);
	const bins = histogram(acc.ratios, RATIO_BINS);
	const labels = ['< ½×', '½–¾×', 'on target (±25%)', '1¼–1½×', '1½–2×', '> 2×'];
	return { ...acc, bins: bins.map((b, i) => ({ label: labels[i] ?? '', count: b.count })) };
}

export function forecastFigure(raw: DashboardRaw, today: string) {
	const thisWeek = weekStartOf(today, 'monday');
	const history = weeklyCounts(raw.completed, addDays(thisWeek, -7 * 8), thisWeek);
	const sample = recentThroughput(history, thisWeek, 8);
	const remaining = TASK_STATUSES.filter((s) => s !== 'done').reduce(
		(n, s) => n + (raw.counts.get(s)?.[0] ?? 0),
		0
	);
	return {
		sample,
		remaining,
		result: forecastCompletion({
			remaining,
			weeklyThroughput: sample,
			weekStart: thisWeek,
			seed: 7
		})
	};
}
