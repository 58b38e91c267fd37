/**
 * Provenance of a suggestion on the task: what was suggested, with what confidence, by which
 * model, and whether the person took it. Pure helpers; the write goes through task-actions.
 */
import type { Task } from '$lib/domain/schemas/task.schema';
import { HEADS_VERSION } from '$lib/ml/heads/workspace-model';

type Suggestion = NonNullable<Task['suggestions']>[number];

/** The task's suggestion list with one more record (the oldest drop past the schema's 20). */
export function withSuggestion(
	task: Task,
	s: Omit<Suggestion, 'model'>,
	encoderModel: string
): Suggestion[] {
	const model = `${HEADS_VERSION}+${encoderModel}`.slice(0, 100);
	return [...(task.suggestions ?? []), { ...s, model }].slice(-20);
}

/** The last decision a person made on a suggestion of `field` with `value`, if any. */
export function decided(
	task: Task,
	field: Suggestion['field'],
	value: string | number
): Suggestion | undefined {
	return (task.suggestions ?? []).findLast((s) => s.field === field && s.value === value);
}

/** Accepted ÷ decided over many tasks' suggestion records. */
export function acceptance(tasks: Iterable<Task>): { accepted: number; decided: number } {
	let accepted = 0;
	let decidedCount = 0;
	for (const t of tasks) {
		for (const s of t.suggestions ?? []) {
			if (s.accepted === null) continue;
			decidedCount++;
			if (s.accepted) accepted++;
		}
	}
	return { accepted, decided: decidedCount };
}
