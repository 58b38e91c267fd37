/**
 * Everything the dashboard shows, read in one go from the workspace views (on the server
 * when this device is in sync with it, else on this device) plus the pure analytics.
 */
import {
	leadTimes,
	perWeek,
	snapshotsIn,
	statusCounts,
	statusHistories,
	workload
} from '$lib/db/analytics.queries';
import type { Db } from '$lib/db/pouch';
import { minutesByTask, teamRows } from '$lib/db/time.queries';

export type DashboardRaw = Awaited<ReturnType<typeof loadDashboard>>;

/** `projects`: every project of the workspace (archived too: their snapshots are history). */
export async function loadDashboard(
	db: Db,
	project: string | null,
	from: string,
	to: string,
	projects: readonly string[]
) {
	const [counts, load, created, completed, leads, histories, time, tracked, snapshots] =
		await Promise.all([
			statusCounts(db, project),
			workload(db, project),
			perWeek(db, 'created_per_week', project),
			perWeek(db, 'completed_per_week', project),
			leadTimes(db, project, from, to),
			statusHistories(db, project),
			teamRows(db, from, to),
			minutesByTask(db),
			snapshotsIn(db, project ? [project] : projects, from, to)
		]);
	return {
		counts,
		load,
		created,
		completed,
		leads,
		histories,
		time: project ? time.filter((r) => r.project === project) : time,
		tracked,
		snapshots
	};
}
