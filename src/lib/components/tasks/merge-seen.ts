/** Which merges this device has shown the user (so the notice disappears once seen). */
import type { Task } from '$lib/domain/schemas/task.schema';

const key = (taskId: string) => `taskflow.mergeSeen.${taskId}`;

export const hasUnseenMerge = (task: Task): boolean =>
	!!task.merge && localStorage.getItem(key(task._id)) !== task.merge.at;

export function markMergeSeen(task: Task): void {
	if (task.merge) localStorage.setItem(key(task._id), task.merge.at);
}
