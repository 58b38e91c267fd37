/**
 * The task actions a person takes in the UI, each recorded for undo and confirmed by a
 * toast with an Undo button. Components call these instead of the repository directly.
 */
import type { TaskId } from '$lib/domain/ids';
import type { Task } from '$lib/domain/schemas/task.schema';
import type { TaskPatch } from '$lib/domain/task-ops';
import type { TasksRepo } from '$lib/db/tasks.repo';
import { toasts } from '$lib/components/ui/toast/toast.svelte';
import { todayLocal } from '$lib/domain/local-date';
import { dueInSentence } from './task-format';
import { undoStack, type UndoEntry } from './undo.svelte';

/** The values `patch` would replace, as a patch that puts them back. */
export function inversePatch(task: Task, patch: TaskPatch): TaskPatch {
	const back: Record<string, unknown> = {};
	for (const key of Object.keys(patch)) back[key] = task[key as keyof Task];
	if ('status' in patch && !('completedAt' in patch)) back.completedAt = task.completedAt;
	return back;
}

/** Apply `patch`, remember how to undo it, and offer Undo in a toast. */
export async function changeTask(
	repo: TasksRepo,
	task: Task,
	patch: TaskPatch,
	label: string
): Promise<Task> {
	const before = inversePatch(task, patch);
	const saved = await repo.update(task._id as TaskId, patch);
	if (saved === task) return saved;
	const entry: UndoEntry = { label, undo: () => repo.update(task._id as TaskId, before) };
	undoStack.push(entry);
	const text = `${label}${await nextOccurrenceNote(task, saved)}`;
	toasts.show(text, { action: { label: 'Undo', run: () => void undoStack.undo(entry) } });
	return saved;
}

/** " · next one due Mon 6 Apr" when this change completed a repeating task. */
async function nextOccurrenceNote(before: Task, after: Task): Promise<string> {
	if (before.status === 'done' || after.status !== 'done' || !after.recurrence) return '';
	// Loaded on demand: the rrule library is not needed until a repeating task completes.
	const { nextDue } = await import('$lib/domain/recurrence');
	const due = nextDue(after.recurrence, after.due, after.completedAt ?? new Date().toISOString());
	return due ? ` · next one due ${dueInSentence(due, todayLocal())}` : '';
}

export const trashTask = (repo: TasksRepo, task: Task): Promise<Task> =>
	changeTask(
		repo,
		task,
		{ deletedAt: new Date().toISOString() },
		`Moved “${task.title}” to the trash`
	);

/**
 * Trash a task that has subtasks: with all its descendants (`withSubtasks`), or on its own,
 * its children then standing alone. One Undo puts everything back as it was.
 */
export async function trashParent(
	repo: TasksRepo,
	task: Task,
	descendants: readonly Task[],
	withSubtasks: boolean
): Promise<void> {
	const now = new Date().toISOString();
	const children = descendants.filter((d) => d.parent === task._id);
	const done: { task: Task; back: TaskPatch }[] = [];
	const apply = async (t: Task, patch: TaskPatch) => {
		const back = inversePatch(t, patch);
		await repo.update(t._id as TaskId, patch);
		done.push({ task: t, back });
	};
	if (withSubtasks) {
		for (const d of descendants) if (!d.deletedAt) await apply(d, { deletedAt: now });
	} else {
		for (const c of children) await apply(c, { parent: null });
	}
	await apply(task, { deletedAt: now });
	const label = withSubtasks
		? `Moved “${task.title}” and ${descendants.length} subtask(s) to the trash`
		: `Moved “${task.title}” to the trash; its subtasks stay`;
	const entry: UndoEntry = {
		label,
		undo: async () => {
			for (const d of [...done].reverse()) await repo.update(d.task._id as TaskId, d.back);
		}
	};
	undoStack.push(entry);
	toasts.show(label, { action: { label: 'Undo', run: () => void undoStack.undo(entry) } });
}

export const restoreTask = (repo: TasksRepo, task: Task): Promise<Task> =>
	changeTask(repo, task, { deletedAt: null }, `Restored “${task.title}”`);
