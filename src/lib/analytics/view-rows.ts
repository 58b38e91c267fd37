/**
 * Turning analytics view rows into what the charts and the pure analytics functions take.
 * Rows come from the workspace views (design-docs/lib/analytics-views.js), on the server or
 * on this device; keys lead with the project.
 */
import { TASK_STATUSES, type TaskStatus } from '../domain/schemas/task.schema';
import type { StatusChange, TaskHistory } from './status-history';

export interface KeyedRow<V> {
	key: unknown[];
	value: V;
}

const isStatus = (v: unknown): v is TaskStatus => TASK_STATUSES.includes(v as TaskStatus);

/** Sums `[count, hours]` rows by the key part at `index` (e.g. status, assignee, week). */
export function sumBy(
	rows: readonly KeyedRow<number | number[]>[],
	index: number
): Map<string, [number, number]> {
	const out = new Map<string, [number, number]>();
	for (const r of rows) {
		const part = r.key[index];
		const k = typeof part === 'string' || typeof part === 'number' ? String(part) : '';
		const v = Array.isArray(r.value) ? r.value : [r.value, 0];
		const acc = out.get(k) ?? [0, 0];
		out.set(k, [acc[0] + (v[0] ?? 0), acc[1] + (v[1] ?? 0)]);
	}
	return out;
}

/**
 * Every live task's status history from `status_history` rows (`[project, task, at]` keys,
 * `["created", status]` for the task itself, `[from, to]` for each change). Changes of
 * tasks that are gone (trashed) are dropped; a task with no recorded change starts in its
 * current status (it may have been created straight into, say, "In progress").
 */
export function histories(rows: readonly KeyedRow<unknown[]>[]): TaskHistory[] {
	const created = new Map<string, { at: string; status: TaskStatus; project: string }>();
	const changes = new Map<string, StatusChange[]>();
	for (const r of rows) {
		const task = String(r.key[1]);
		const at = String(r.key[2]);
		const [a, b] = r.value;
		if (a === 'created' && isStatus(b)) {
			created.set(task, { at, status: b, project: String(r.key[0]) });
		} else if (isStatus(b)) {
			const list = changes.get(task) ?? [];
			list.push({ at, from: isStatus(a) ? a : null, to: b });
			changes.set(task, list);
		}
	}
	const out: TaskHistory[] = [];
	for (const [task, c] of created) {
		const list = changes.get(task) ?? [];
		out.push({
			task,
			project: c.project,
			createdAt: c.at,
			changes: list.length ? list : [{ at: c.at, from: null, to: c.status }]
		});
	}
	return out;
}
