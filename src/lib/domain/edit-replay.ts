/**
 * What of a journalled task edit is not stored yet. An edit is journalled with a clock taken
 * just before its write, and the write stamps each changed field with a later one; so a
 * field whose clock is at or after the journalled one was stored by that write or replaced
 * by a later edit (here or on another device), and only older fields are replayed.
 */
import { compareHlc } from './hlc';
import type { Task } from './schemas/task.schema';
import type { TaskPatch } from './task-ops';

export function unstoredPart(task: Task, patch: TaskPatch, stamp: string): TaskPatch | null {
	const left: Record<string, unknown> = {};
	for (const [field, value] of Object.entries(patch)) {
		const clock = (task.clocks as Record<string, string | undefined>)[field] ?? '';
		if (compareHlc(clock, stamp) < 0) left[field] = value;
	}
	return Object.keys(left).length ? left : null;
}
