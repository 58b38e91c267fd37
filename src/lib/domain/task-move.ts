/**
 * Where a task lands when it is dropped into a column at an index: the new status and a
 * rank between its new neighbours. Pure, so drag-and-drop and the keyboard share it.
 */
import { rankBetween } from './rank';
import type { Task, TaskStatus } from './schemas/task.schema';

export interface MoveTarget {
	status: TaskStatus;
	rank: string;
}

/**
 * @param column the destination column's tasks in rank order (may include `task` itself)
 * @param index  position among the column's *other* tasks, 0 = top
 */
export function moveTarget(
	task: Task,
	status: TaskStatus,
	column: readonly Task[],
	index: number
): MoveTarget {
	const others = column.filter((t) => t._id !== task._id);
	const i = Math.max(0, Math.min(index, others.length));
	const before = others[i - 1]?.rank ?? null;
	const after = others[i]?.rank ?? null;
	return { status, rank: rankBetween(before, after) };
}
