/**
 * Filtering tasks by custom field values: a select field equals one of its options, text
 * contains a phrase, a number lies between bounds, a date before/after a day. Conditions
 * live in the project view's filter state, like the other filters.
 */
import { customValueOf } from './custom-fields';
import type { Task } from './schemas/task.schema';

/** One condition on one field; bounds are inclusive and either may be left open. */
export type CustomCondition =
	| { kind: 'select'; value: string }
	| { kind: 'text'; contains: string }
	| { kind: 'number'; min: number | null; max: number | null }
	| { kind: 'date'; after: string | null; before: string | null };

/** Conditions by field id. */
export type CustomFilter = Record<string, CustomCondition>;

const fold = (s: string) =>
	s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();

/** Whether `task` meets `cond` on field `id`; an unset value never meets a condition. */
export function matchesCustomCondition(task: Task, id: string, cond: CustomCondition): boolean {
	const v = customValueOf(task, id);
	if (v === null) return false;
	switch (cond.kind) {
		case 'select':
			return v === cond.value;
		case 'text':
			return typeof v === 'string' && fold(v).includes(fold(cond.contains.trim()));
		case 'number':
			return (
				typeof v === 'number' &&
				(cond.min === null || v >= cond.min) &&
				(cond.max === null || v <= cond.max)
			);
		case 'date':
			return (
				typeof v === 'string' &&
				(cond.after === null || v >= cond.after) &&
				(cond.before === null || v <= cond.before)
			);
	}
}

/** Whether every condition holds. */
export function matchesCustom(task: Task, filter: CustomFilter | undefined): boolean {
	if (!filter) return true;
	for (const [id, cond] of Object.entries(filter)) {
		if (!matchesCustomCondition(task, id, cond)) return false;
	}
	return true;
}

/** Whether a condition would filter anything (an empty text or two open bounds do not). */
export function isConditionActive(cond: CustomCondition): boolean {
	if (cond.kind === 'select') return cond.value !== '';
	if (cond.kind === 'text') return cond.contains.trim() !== '';
	if (cond.kind === 'number') return cond.min !== null || cond.max !== null;
	return cond.after !== null || cond.before !== null;
}
