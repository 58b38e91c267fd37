/**
 * Reads of tracked time, all through the workspace views (see design-docs/lib/time-views.js)
 * so they run on this device's database offline and on the server's the same way.
 */
import type { TimeEntry } from '../domain/schemas/time-entry.schema';
import { rowsFromView, type TimeRow } from '../domain/time/time-totals';
import type { Db } from './pouch';
import { queryView } from './views/view-query';

const docs = (rows: { doc?: unknown }[]): TimeEntry[] =>
	rows.map((r) => r.doc as TimeEntry).filter((d): d is TimeEntry => !!d && d.type === 'time');

/** Finished entries on one task, newest first. */
export async function taskEntries(db: Db, task: string): Promise<TimeEntry[]> {
	const rows = await queryView(db, 'time_by_task', {
		startkey: [task],
		endkey: [task, {}],
		reduce: false,
		include_docs: true
	});
	return docs(rows).sort((a, b) => b.start.localeCompare(a.start));
}

/** Tracked minutes per task, for every task with time. */
export async function minutesByTask(db: Db): Promise<Map<string, number>> {
	const rows = await queryView<number>(db, 'time_by_task', { group_level: 1 });
	return new Map(rows.map((r) => [String(r.key[0]), r.value]));
}

/** One person's minutes per day, project and task for the days `from`..`to` (inclusive). */
export async function userRows(db: Db, user: string, from: string, to: string): Promise<TimeRow[]> {
	const rows = await queryView<number[]>(db, 'time_by_user_day', {
		startkey: [user, from],
		endkey: [user, to, {}],
		group_level: 4
	});
	return rowsFromView(rows, 'user-first');
}

/** One person's finished entries on the days `from`..`to`, in time order. */
export async function userEntries(
	db: Db,
	user: string,
	from: string,
	to: string
): Promise<TimeEntry[]> {
	const rows = await queryView(db, 'time_by_user_day', {
		startkey: [user, from],
		endkey: [user, to, {}],
		reduce: false,
		include_docs: true
	});
	return docs(rows).sort((a, b) => a.start.localeCompare(b.start));
}

/** Everyone's minutes per day, user, project and task for `from`..`to`. */
export async function teamRows(db: Db, from: string, to: string): Promise<TimeRow[]> {
	const rows = await queryView<number[]>(db, 'time_by_day', {
		startkey: [from],
		endkey: [to, {}],
		group_level: 4
	});
	return rowsFromView(rows, 'day-first');
}

/** Everyone's finished entries on the days `from`..`to`, in time order (for exports). */
export async function teamEntries(db: Db, from: string, to: string): Promise<TimeEntry[]> {
	const rows = await queryView(db, 'time_by_day', {
		startkey: [from],
		endkey: [to, {}],
		reduce: false,
		include_docs: true
	});
	return docs(rows).sort((a, b) => a.start.localeCompare(b.start));
}
