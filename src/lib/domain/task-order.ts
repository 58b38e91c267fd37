/** Orderings of tasks: board columns by rank, list columns by a chosen field. */
import { compareRank } from './rank';
import { PRIORITIES, TASK_STATUSES, type Task, type TaskStatus } from './schemas/task.schema';

export const byRank = (a: Task, b: Task): number =>
	compareRank(a.rank, b.rank) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** Tasks grouped into board columns, each sorted by rank. */
export function groupByStatus(tasks: Iterable<Task>): Record<TaskStatus, Task[]> {
	const cols = Object.fromEntries(TASK_STATUSES.map((s) => [s, [] as Task[]])) as Record<
		TaskStatus,
		Task[]
	>;
	for (const t of tasks) cols[t.status].push(t);
	for (const s of TASK_STATUSES) cols[s].sort(byRank);
	return cols;
}

export const LIST_SORTS = ['rank', 'priority', 'due', 'title', 'updated', 'tracked'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

const priorityWeight = (p: Task['priority']) => PRIORITIES.length - PRIORITIES.indexOf(p);
const statusIndex = (s: TaskStatus) => TASK_STATUSES.indexOf(s);

/**
 * A comparator for the task list. Undated tasks sort after dated ones; `tracked` puts the
 * most tracked time first, using the minutes per task id.
 */
export function listComparator(
	sort: ListSort,
	tracked: ReadonlyMap<string, number> = new Map()
): (a: Task, b: Task) => number {
	switch (sort) {
		case 'tracked':
			return (a, b) => (tracked.get(b._id) ?? 0) - (tracked.get(a._id) ?? 0) || byRank(a, b);
		case 'priority':
			return (a, b) => priorityWeight(b.priority) - priorityWeight(a.priority) || byRank(a, b);
		case 'due':
			return (a, b) =>
				(a.due ?? '9999') < (b.due ?? '9999')
					? -1
					: (a.due ?? '9999') > (b.due ?? '9999')
						? 1
						: byRank(a, b);
		case 'title':
			return (a, b) => a.title.localeCompare(b.title) || byRank(a, b);
		case 'updated':
			return (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0);
		default:
			return (a, b) => statusIndex(a.status) - statusIndex(b.status) || byRank(a, b);
	}
}
