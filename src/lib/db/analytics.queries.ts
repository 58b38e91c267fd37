/**
 * Reads for the analytics dashboard, all through the workspace views so they run on the
 * server or on this device's copy alike. `project` null means the whole workspace.
 */
import { snapshotId } from '../analytics/snapshots';
import { histories, sumBy, type KeyedRow } from '../analytics/view-rows';
import type { Snapshot } from '../domain/schemas/snapshot.schema';
import type { TaskHistory } from '../analytics/status-history';
import type { Db } from './pouch';
import { queryView, type ViewName } from './views/view-query';

/** A range over one project's keys, or everything. */
const range = (project: string | null) =>
	project ? { startkey: [project], endkey: [project, {}] } : {};

async function grouped(db: Db, view: ViewName, project: string | null, level: number) {
	return (await queryView(db, view, { ...range(project), group_level: level })) as KeyedRow<
		number | number[]
	>[];
}

/** Tasks and estimated hours per status. */
export async function statusCounts(db: Db, project: string | null) {
	return sumBy(await grouped(db, 'tasks_by_status', project, 2), 1);
}

/** Open tasks and estimated hours per assignee ("" = unassigned). */
export async function workload(db: Db, project: string | null) {
	const rows = (await queryView(db, 'open_workload', { group_level: 2 })) as KeyedRow<number[]>[];
	return sumBy(
		rows.filter((r) => !project || r.key[1] === project),
		0
	);
}

/** Tasks created or completed per ISO week (`2026-W47` → count). */
export async function perWeek(
	db: Db,
	view: 'created_per_week' | 'completed_per_week',
	project: string | null
): Promise<{ week: string; count: number }[]> {
	const sums = sumBy(await grouped(db, view, project, 2), 1);
	return [...sums].map(([week, [count]]) => ({ week, count }));
}

/** Lead times in days of tasks completed between `from` and `to` (inclusive days). */
export async function leadTimes(
	db: Db,
	project: string | null,
	from: string,
	to: string
): Promise<number[]> {
	const rows = (await queryView(db, 'lead_times', {
		...range(project),
		reduce: false
	})) as KeyedRow<number>[];
	return rows
		.filter((r) => {
			const day = String(r.key[1]);
			return day >= from && day <= to;
		})
		.map((r) => r.value);
}

/** Every live task's status history. */
export async function statusHistories(db: Db, project: string | null): Promise<TaskHistory[]> {
	const rows = await queryView(db, 'status_history', range(project));
	return histories(rows as KeyedRow<unknown[]>[]);
}

/** The daily snapshots of `projects` between `from` and `to` (inclusive days). */
export async function snapshotsIn(
	db: Db,
	projects: readonly string[],
	from: string,
	to: string
): Promise<Snapshot[]> {
	const pages = await Promise.all(
		projects.map((p) =>
			db.allDocs({
				startkey: snapshotId(p, from),
				endkey: snapshotId(p, to),
				include_docs: true
			})
		)
	);
	return pages.flatMap((page) =>
		page.rows
			.map((r) => ('doc' in r ? (r.doc as unknown as Snapshot | undefined) : undefined))
			.filter((d): d is Snapshot => d?.type === 'snapshot')
	);
}
