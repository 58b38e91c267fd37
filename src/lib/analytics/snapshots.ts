/**
 * Daily burn-down snapshots: what the analytics worker writes (one document per project and
 * UTC day, figures from the `tasks_by_status` view) and how the dashboard joins them with
 * the history it reconstructs from the activity log. A snapshot is what the project looked
 * like at the end of that day, so scope that was later trashed or moved away still counts
 * on the days it existed; days without a snapshot (before the worker ran, or while it was
 * down) fall back to the reconstruction.
 */
import { TASK_STATUSES, type TaskStatus } from '../domain/schemas/task.schema';
import type { Snapshot } from '../domain/schemas/snapshot.schema';
import { cumulativeFlow, type BurnupDay, type FlowDay } from './flow';
import type { TaskHistory } from './status-history';
import type { KeyedRow } from './view-rows';

export type SnapshotFigures = Pick<Snapshot, 'counts' | 'remainingEstimate'>;

const PREFIX = 'snapshot:';

/** `snapshot:<project ULID>:<day>`: one per project and day, so writers never duplicate. */
export function snapshotId(project: string, day: string): string {
	return `${PREFIX}${project.replace(/^project:/, '')}:${day}`;
}

/** The `_all_docs` range holding one project's snapshots, oldest first. */
export function snapshotRange(project: string): { startkey: string; endkey: string } {
	const base = snapshotId(project, '');
	return { startkey: base, endkey: `${base}\uffff` };
}

const zeroCounts = (): Record<TaskStatus, number> => ({
	todo: 0,
	in_progress: 0,
	review: 0,
	done: 0
});

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Figures per project from `tasks_by_status` rows grouped at level 2 (`[project, status]` →
 * `[tasks, estimated hours]`). `projects` lists the projects to cover even when they have no
 * tasks yet; rows of other projects are ignored.
 */
export function figuresByProject(
	rows: readonly KeyedRow<number[]>[],
	projects: readonly string[]
): Map<string, SnapshotFigures> {
	const out = new Map<string, SnapshotFigures>(
		projects.map((p) => [p, { counts: zeroCounts(), remainingEstimate: 0 }])
	);
	for (const r of rows) {
		const [project, status] = r.key;
		const figures = out.get(String(project));
		if (!figures || !TASK_STATUSES.includes(status as TaskStatus)) continue;
		const s = status as TaskStatus;
		figures.counts[s] += r.value[0] ?? 0;
		if (s !== 'done') figures.remainingEstimate += r.value[1] ?? 0;
	}
	for (const f of out.values()) f.remainingEstimate = round2(f.remainingEstimate);
	return out;
}

/** Whether two snapshots say the same thing (ignoring when they were taken). */
export function sameFigures(a: SnapshotFigures, b: SnapshotFigures): boolean {
	return (
		a.remainingEstimate === b.remainingEstimate &&
		TASK_STATUSES.every((s) => a.counts[s] === b.counts[s])
	);
}

/** The snapshot document for `project` on `day`. */
export function snapshotDoc(
	project: string,
	day: string,
	figures: SnapshotFigures,
	takenAt: string
): Snapshot {
	return {
		_id: snapshotId(project, day),
		type: 'snapshot',
		project,
		day,
		counts: { ...figures.counts },
		remainingEstimate: figures.remainingEstimate,
		takenAt
	};
}

export type SnapshotDay = FlowDay & { fromSnapshot: boolean };

/**
 * Tasks per status at the end of each day from `from` to `to`: per project, a day with a
 * snapshot uses it unless it is `today` (still changing: the live history is newer); other
 * days use the history reconstructed from the activity log. Projects are then summed per
 * day. `histories` carry their project; leaving out snapshots of projects outside the
 * dashboard's scope is the caller's job.
 */
export function flowWithSnapshots(
	histories: readonly TaskHistory[],
	snapshots: readonly Pick<Snapshot, 'project' | 'day' | 'counts'>[],
	from: string,
	to: string,
	today: string
): SnapshotDay[] {
	const byProject = new Map<string, TaskHistory[]>();
	for (const h of histories) {
		const key = h.project ?? '';
		const list = byProject.get(key) ?? [];
		list.push(h);
		byProject.set(key, list);
	}
	const snapped = new Map<string, Map<string, Snapshot['counts']>>();
	for (const s of snapshots) {
		if (s.day < from || s.day > to || s.day >= today) continue;
		const days = snapped.get(s.project) ?? new Map<string, Snapshot['counts']>();
		days.set(s.day, s.counts);
		snapped.set(s.project, days);
		if (!byProject.has(s.project)) byProject.set(s.project, []);
	}
	const total: SnapshotDay[] = cumulativeFlow([], from, to).map((d) => ({
		...d,
		fromSnapshot: false
	}));
	for (const [project, list] of byProject) {
		const days = snapped.get(project);
		cumulativeFlow(list, from, to).forEach((d, i) => {
			const acc = total[i]!;
			const counts = days?.get(d.day) ?? d.counts;
			if (days?.has(d.day)) acc.fromSnapshot = true;
			for (const s of TASK_STATUSES) acc.counts[s] += counts[s];
		});
	}
	return total;
}

/** Burn-up figures (scope = every task, done = done ones) of each day's counts. */
export function burnFromFlow(
	days: readonly SnapshotDay[]
): (BurnupDay & { fromSnapshot: boolean })[] {
	return days.map((d) => ({
		day: d.day,
		scope: TASK_STATUSES.reduce((n, s) => n + d.counts[s], 0),
		done: d.counts.done,
		fromSnapshot: d.fromSnapshot
	}));
}
