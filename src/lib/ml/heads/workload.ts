/**
 * Open work per person: remaining hours of their unfinished tasks (estimate minus logged,
 * or a typical effort when unestimated). Shared by assignee suggestions and risk flags.
 */
import type { HeadTask } from './head-types';

/** Hours still to do on a task; `typical` stands in for a missing estimate. */
export function remainingHours(t: HeadTask, typical: number): number {
	if (t.status === 'done') return 0;
	const estimate = t.estimate ?? typical;
	return Math.max(0, estimate - t.loggedHours);
}

/** One open task of a person. */
export interface OpenWork {
	id: string;
	due: string | null;
	hours: number;
}

/** Each assignee's open tasks with their remaining hours. */
export function openWorkByPerson(
	tasks: Iterable<HeadTask>,
	typical: number
): Map<string, OpenWork[]> {
	const out = new Map<string, OpenWork[]>();
	for (const t of tasks) {
		if (t.status === 'done' || !t.assignee) continue;
		const list = out.get(t.assignee) ?? [];
		list.push({ id: t.id, due: t.due, hours: remainingHours(t, typical) });
		out.set(t.assignee, list);
	}
	return out;
}

/** Total remaining hours of a person's open work. */
export function totalHours(work: readonly OpenWork[] | undefined): number {
	return (work ?? []).reduce((s, w) => s + w.hours, 0);
}
