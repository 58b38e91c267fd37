/**
 * Building the next occurrence of a repeating task. Pure: the repository decides when (a
 * status change to done) and writes the result with `put`, leaving an existing document
 * alone.
 *
 * The next occurrence's id depends only on the series and the occurrence number, never on
 * the device, the time or the new due date: two devices completing the same occurrence
 * offline produce the same `_id`, so replication yields one document (a conflict at worst,
 * which the per-field merge repairs), and completing, reopening and completing again finds
 * the one already made.
 */
import { decodeTime } from 'ulidx';
import { deterministicUlid } from './deterministic-id';
import { ulidOf, type ProjectId, type TaskId } from './ids';
import { deviceZone, nextDue } from './recurrence';
import type { Recurrence } from './schemas/recurrence.schema';
import type { Task } from './schemas/task.schema';
import { createTask } from './task-ops';
import type { WriteContext } from './write-context';

/** The id of occurrence `index` of `series`. */
export function occurrenceId(series: string, index: number): TaskId {
	return `task:${deterministicUlid(decodeTime(series) + index, `recurrence:${series}:${index}`)}`;
}

/**
 * The recurrence to store when a person sets `rule` on `task`: a task already in a series
 * keeps its series and number (the new rule applies from its next occurrence on); a task
 * starting to repeat begins a series named after itself.
 */
export function withRule(
	task: Pick<Task, '_id' | 'recurrence'>,
	rule: Pick<Recurrence, 'rule' | 'mode'>,
	zone: string = deviceZone()
): Recurrence {
	const current = task.recurrence;
	return {
		rule: rule.rule,
		mode: rule.mode,
		zone: current?.zone ?? zone,
		series: current?.series ?? ulidOf(task._id),
		index: current?.index ?? 0
	};
}

/**
 * The occurrence after `task` (which has just been completed), ranked `rank`, or null when
 * the task does not repeat, is not done, or its rule yields no further date.
 */
export function nextOccurrence(task: Task, ctx: WriteContext, rank: string): Task | null {
	const rec = task.recurrence;
	if (!rec || task.status !== 'done' || task.deletedAt) return null;
	const due = nextDue(rec, task.due, task.completedAt ?? ctx.now);
	if (!due) return null;
	const index = rec.index + 1;
	const next = createTask(
		{
			project: task.project as ProjectId,
			title: task.title,
			description: task.description,
			priority: task.priority,
			assignee: task.assignee,
			due,
			estimate: task.estimate,
			tags: task.tags,
			parent: task.parent as TaskId | null,
			rank
		},
		ctx,
		occurrenceId(rec.series, index)
	);
	next.recurrence = { ...rec, index };
	return next;
}
