/** Display helpers for task fields (pure). */
import { daysBetween } from '$lib/domain/local-date';
import type { Priority, Task } from '$lib/domain/schemas/task.schema';

/** What a title field says when it is left empty (or only spaces). */
export const TITLE_REQUIRED = 'A task needs a title.';

export const PRIORITY_LABELS: Record<Priority, string> = {
	low: 'Low',
	medium: 'Medium',
	high: 'High',
	urgent: 'Urgent'
};

/** "Today", "Tomorrow", "in 3 d", "2 d late", or a short date. */
export function dueLabel(due: string, today: string): string {
	const d = daysBetween(today, due);
	if (d === 0) return 'Today';
	if (d === 1) return 'Tomorrow';
	if (d === -1) return 'Yesterday';
	if (d < 0 && d > -14) return `${-d} d late`;
	if (d > 0 && d < 7) return `in ${d} d`;
	const [y, m, day] = due.split('-').map(Number) as [number, number, number];
	return new Date(y, m - 1, day).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

export const isOverdue = (t: Task, today: string): boolean =>
	t.due !== null && t.status !== 'done' && t.due < today;

export const formatHours = (h: number): string =>
	Number.isInteger(h) ? `${h} h` : `${h.toFixed(1)} h`;

export const initials = (name: string): string => name.slice(0, 2).toUpperCase();

/** `dueLabel` for the middle of a sentence ("due tomorrow", "due in 3 d", "due Apr 6"). */
export function dueInSentence(due: string, today: string): string {
	const label = dueLabel(due, today);
	return /^(Today|Tomorrow|Yesterday)$/.test(label) ? label.toLowerCase() : label;
}
