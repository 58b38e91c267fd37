/**
 * Pure operations on tasks: build a new task, apply a patch. They stamp each changed field
 * with the write's clock (for per-field merging) and return the field changes for the
 * activity log. No I/O: the repository in lib/db validates and writes the result.
 */
import { nextBase } from './clocked-merge';
import { replicaOf } from './hlc';
import { newTaskId, type ProjectId, type TaskId } from './ids';
import type { Priority, Task, TaskEditableField, TaskStatus } from './schemas/task.schema';
import { TASK_EDITABLE_FIELDS } from './schemas/task.schema';
import { sameValue, type FieldChange, type WriteContext } from './write-context';

export interface NewTaskInput {
	project: ProjectId;
	title: string;
	description?: string;
	status?: TaskStatus;
	priority?: Priority;
	assignee?: string | null;
	due?: string | null;
	start?: string | null;
	estimate?: number | null;
	tags?: string[];
	parent?: TaskId | null;
	rank: string;
}

export type TaskPatch = Partial<Pick<Task, TaskEditableField>>;

/** Normalise tags: trimmed, lowercase-insensitive unique, empty ones dropped. */
export function normaliseTags(tags: readonly string[]): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const raw of tags) {
		// Drop commas before trimming: `', x'` must become `'x'`, not `' x'`.
		const tag = raw.replace(/,/g, '').trim();
		const key = tag.toLowerCase();
		if (tag && !seen.has(key)) {
			seen.add(key);
			out.push(tag);
		}
	}
	return out;
}

export function createTask(input: NewTaskInput, ctx: WriteContext, id: TaskId = newTaskId()): Task {
	const status = input.status ?? 'todo';
	const task: Task = {
		_id: id,
		type: 'task',
		project: input.project,
		title: input.title.trim(),
		description: input.description ?? '',
		status,
		priority: input.priority ?? 'medium',
		assignee: input.assignee ?? null,
		reporter: ctx.user,
		due: input.due ?? null,
		start: input.start ?? null,
		estimate: input.estimate ?? null,
		tags: normaliseTags(input.tags ?? []),
		parent: input.parent ?? null,
		dependencies: [],
		rank: input.rank,
		completedAt: status === 'done' ? ctx.now : null,
		deletedAt: null,
		clocks: {},
		createdBy: ctx.user,
		createdAt: ctx.now,
		updatedAt: ctx.now,
		updatedBy: ctx.user
	};
	for (const field of TASK_EDITABLE_FIELDS) task.clocks[field] = ctx.stamp;
	return task;
}

/**
 * Apply `patch` to `task`. Unchanged fields keep their clocks; a status change to or from
 * `done` sets or clears `completedAt`. Returns the same object when nothing changed.
 */
export function applyTaskPatch(
	task: Task,
	patch: TaskPatch,
	ctx: WriteContext
): { task: Task; changes: FieldChange[] } {
	const next: Task = { ...task, clocks: { ...task.clocks } };
	const changes: FieldChange[] = [];
	const set = <K extends TaskEditableField>(field: K, value: Task[K]) => {
		if (sameValue(next[field], value)) return;
		changes.push({ field, from: next[field], to: value });
		next[field] = value;
		// What this edit replaced, so a merge knows it saw that value (task.schema.ts).
		const base = nextBase(task, field, ctx.stamp);
		if (base) next.bases = { ...next.bases, [field]: base };
		next.clocks[field] = ctx.stamp;
	};
	for (const field of TASK_EDITABLE_FIELDS) {
		if (!(field in patch)) continue;
		let value = patch[field];
		if (field === 'title' && typeof value === 'string') value = value.trim();
		if (field === 'tags' && patch.tags) value = normaliseTags(patch.tags);
		set(field, value);
	}
	if ('status' in patch && patch.status !== task.status) {
		if (patch.status === 'done' && !task.completedAt) set('completedAt', ctx.now);
		if (patch.status !== 'done' && task.completedAt) set('completedAt', null);
	}
	if (changes.length === 0) return { task, changes };
	if (changes.some((c) => c.field === 'description')) next.descBase = descriptionBase(task, ctx);
	next.updatedAt = ctx.now;
	next.updatedBy = ctx.user;
	return { task: next, changes };
}

/**
 * The common version a later three-way merge starts from. A run of edits on this device
 * keeps the base from before the run (the others never saw the intermediate texts); an
 * edit on top of text from elsewhere makes that text the base.
 */
function descriptionBase(task: Task, ctx: WriteContext): Task['descBase'] {
	const clock = task.clocks.description ?? '';
	const mine = clock !== '' && replicaOf(clock) === replicaOf(ctx.stamp);
	if (mine && task.descBase) return task.descBase;
	return clock ? { clock, text: task.description } : null;
}
