/**
 * Filtering and text search over tasks, run on the local data on every keystroke. Pure and
 * allocation-light: the board re-derives its columns from these on each change.
 */
import { matchesCustom, type CustomFilter } from './custom-filter';
import { daysBetween, endOfWeek } from './local-date';
import type { Priority, Task, TaskStatus } from './schemas/task.schema';

export const DUE_FILTERS = ['overdue', 'today', 'week', 'none'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export const DUE_FILTER_LABELS: Record<DueFilter, string> = {
	overdue: 'Overdue',
	today: 'Due today',
	week: 'Due this week',
	none: 'No due date'
};

export const TRACKED_FILTERS = ['any', 'none', 'over'] as const;
export type TrackedFilter = (typeof TRACKED_FILTERS)[number];
export const TRACKED_FILTER_LABELS: Record<TrackedFilter, string> = {
	any: 'Has tracked time',
	none: 'No tracked time',
	over: 'Over its estimate'
};

export interface TaskFilter {
	statuses: TaskStatus[];
	priorities: Priority[];
	/** User names; `''` stands for "unassigned". */
	assignees: string[];
	tags: string[];
	due: DueFilter | null;
	/** By time tracked on the task (see `matchesTracked`). */
	tracked: TrackedFilter | null;
	text: string;
	/** Conditions on the project's custom fields, by field id (see custom-filter.ts). */
	custom?: CustomFilter;
}

export const emptyFilter = (): TaskFilter => ({
	statuses: [],
	priorities: [],
	assignees: [],
	tags: [],
	due: null,
	tracked: null,
	text: ''
});

export const isFilterActive = (f: TaskFilter): boolean =>
	f.statuses.length + f.priorities.length + f.assignees.length + f.tags.length > 0 ||
	f.due !== null ||
	f.tracked !== null ||
	f.text.trim() !== '' ||
	Object.keys(f.custom ?? {}).length > 0;

/** Lowercased, accent-free search terms. */
export function searchTerms(text: string): string[] {
	return fold(text).split(/\s+/).filter(Boolean);
}

function fold(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();
}

/** Whether every term occurs in the task's title, description, tags or assignee. */
export function matchesText(task: Task, terms: readonly string[]): boolean {
	if (terms.length === 0) return true;
	const hay = fold(
		`${task.title}\n${task.description}\n${task.tags.join(' ')}\n${task.assignee ?? ''}`
	);
	return terms.every((t) => hay.includes(t));
}

export function matchesDue(task: Task, due: DueFilter | null, today: string): boolean {
	if (due === null) return true;
	if (due === 'none') return task.due === null;
	if (task.due === null) return false;
	const days = daysBetween(today, task.due);
	if (due === 'overdue') return days < 0 && task.status !== 'done';
	if (due === 'today') return days === 0;
	return days >= 0 && task.due <= endOfWeek(today);
}

/** Minutes tracked per task id (tasks without time are absent). */
export type TrackedMinutes = ReadonlyMap<string, number>;

/** `over`: more time tracked than the estimate (tasks without an estimate never are). */
export function matchesTracked(
	task: Task,
	tracked: TrackedFilter | null,
	minutes: TrackedMinutes
): boolean {
	if (tracked === null) return true;
	const m = minutes.get(task._id) ?? 0;
	if (tracked === 'any') return m > 0;
	if (tracked === 'none') return m === 0;
	return task.estimate !== null && m > task.estimate * 60;
}

/** A predicate for `filter`, with the search terms computed once. */
export function taskMatcher(
	filter: TaskFilter,
	today: string,
	tracked: TrackedMinutes = new Map()
): (task: Task) => boolean {
	const terms = searchTerms(filter.text);
	const statuses = new Set(filter.statuses);
	const priorities = new Set(filter.priorities);
	const assignees = new Set(filter.assignees);
	const tags = new Set(filter.tags.map((t) => t.toLowerCase()));
	return (task) =>
		(statuses.size === 0 || statuses.has(task.status)) &&
		(priorities.size === 0 || priorities.has(task.priority)) &&
		(assignees.size === 0 || assignees.has(task.assignee ?? '')) &&
		(tags.size === 0 || task.tags.some((t) => tags.has(t.toLowerCase()))) &&
		matchesDue(task, filter.due, today) &&
		matchesTracked(task, filter.tracked, tracked) &&
		matchesCustom(task, filter.custom) &&
		matchesText(task, terms);
}
