/**
 * Task documents as the suggestion heads see them. Shared by the app (workspace-suggester.ts)
 * and the bench, so both feed the worker the same records.
 */
import type { Task } from '$lib/domain/schemas/task.schema';
import type { HeadTask } from './heads/head-types';

/** The HeadTask of a task document, with `minutes` logged per task id. */
export function headTask(t: Task, minutes: ReadonlyMap<string, number>): HeadTask {
	return {
		id: t._id,
		title: t.title,
		description: t.description,
		tags: [...t.tags],
		project: t.project,
		assignee: t.assignee,
		status: t.status,
		priority: t.priority,
		estimate: t.estimate,
		loggedHours: (minutes.get(t._id) ?? 0) / 60,
		due: t.due,
		dependencies: [...t.dependencies]
	};
}
