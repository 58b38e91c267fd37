/**
 * CSV export of tasks (the ones a filtered project view shows), for spreadsheets: RFC 4180
 * quoting with CRLF lines, a UTF-8 byte-order mark so Excel reads accents right, and every
 * cell guarded against formulas on every line (`textField`). Not Papa.unparse's
 * `escapeFormulae`: its test, `/^[=+\-@\t\r].*$/`, fails on any cell with a line break, so
 * "=1+1\nx" went out unguarded, and it never looks past the first line or leading spaces.
 */
import { textField } from '../csv-cell';
import type { Task } from '../schemas/task.schema';

/** Header row, in column order. */
export const TASK_CSV_COLUMNS = [
	'id',
	'title',
	'status',
	'priority',
	'assignee',
	'due',
	'start',
	'estimate',
	'tags',
	'parent',
	'project',
	'created',
	'completed',
	'description'
] as const;

/** The UTF-8 byte-order mark that starts the file. */
export const BOM = '\ufeff';

/** Names the export shows instead of ids. */
export interface TaskCsvContext {
	projectName: (id: string) => string;
}

/** One task as a row, in `TASK_CSV_COLUMNS` order; absent values are empty cells. */
export function taskRow(t: Task, ctx: TaskCsvContext): string[] {
	return [
		t._id,
		t.title,
		t.status,
		t.priority,
		t.assignee ?? '',
		t.due ?? '',
		t.start ?? '',
		t.estimate === null ? '' : String(t.estimate),
		t.tags.join(', '),
		t.parent ?? '',
		ctx.projectName(t.project),
		t.createdAt,
		t.completedAt ?? '',
		t.description
	];
}

/** `tasks` in the given order as a CSV file's text, BOM and header first. */
export function tasksCsv(tasks: readonly Task[], ctx: TaskCsvContext): string {
	const rows = [[...TASK_CSV_COLUMNS], ...tasks.map((t) => taskRow(t, ctx))];
	return BOM + rows.map((r) => `${r.map(textField).join(',')}\r\n`).join('');
}

/** `taskflow-<project slug>-tasks-<YYYY-MM-DD>.csv`. */
export const tasksCsvFileName = (projectSlug: string, now: Date): string =>
	`taskflow-${projectSlug}-tasks-${now.toISOString().slice(0, 10)}.csv`;
