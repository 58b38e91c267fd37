/** Human wording for activity-log entries (pure). */
import type { Activity } from '$lib/domain/schemas/activity.schema';
import { STATUS_LABELS, type TaskStatus } from '$lib/domain/schemas/task.schema';
import type { Recurrence } from '$lib/domain/schemas/recurrence.schema';
import { describeRule } from '$lib/domain/repeat-presets';
import { PRIORITY_LABELS } from './task-format';

const FIELD_LABELS: Record<string, string> = {
	title: 'title',
	description: 'description',
	status: 'status',
	priority: 'priority',
	assignee: 'assignee',
	due: 'due date',
	start: 'start date',
	estimate: 'estimate',
	tags: 'tags',
	rank: 'position',
	project: 'project',
	deletedAt: 'trash',
	completedAt: 'completion',
	recurrence: 'repeat',
	suggestions: 'suggestion record',
	body: 'comment'
};

/** The words for a task field ("due date" for `due`). */
export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

/** A field value as a short phrase. */
export function formatValue(field: string | null, value: unknown): string {
	if (value === null || value === undefined || value === '') return 'none';
	if (field === 'status' && typeof value === 'string' && value in STATUS_LABELS) {
		return STATUS_LABELS[value as TaskStatus];
	}
	if (field === 'priority' && typeof value === 'string' && value in PRIORITY_LABELS) {
		return PRIORITY_LABELS[value as keyof typeof PRIORITY_LABELS];
	}
	if (field === 'estimate' && typeof value === 'number') return `${value} h`;
	if (field === 'recurrence' && typeof value === 'object' && 'rule' in value) {
		const r = value as Recurrence;
		const text = describeRule(r.rule, r.mode);
		return text.charAt(0).toLowerCase() + text.slice(1);
	}
	if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** "changed priority from Medium to High", "created the task", … (without the actor). */
export function describeActivity(a: Activity): string {
	if (a.action === 'create') return a.doc.startsWith('comment:') ? 'commented' : 'created the task';
	if (a.action === 'delete' && a.doc.startsWith('comment:')) {
		return `deleted a comment: “${formatValue(null, a.from)}”`;
	}
	const field = a.field ?? '';
	if (field === 'deletedAt') return a.to ? 'moved the task to the trash' : 'restored the task';
	if (field === 'rank') return 'reordered the task';
	if (field === 'completedAt') return a.to ? 'completed the task' : 'reopened the task';
	if (a.action === 'merge') {
		const label = FIELD_LABELS[field] ?? field;
		return `set ${label} to ${formatValue(field, a.from)} at the same time; merged to ${formatValue(field, a.to)}`;
	}
	if (field === 'description' || field === 'body') return `edited the ${FIELD_LABELS[field]}`;
	const label = FIELD_LABELS[field] ?? field;
	return `changed ${label} from ${formatValue(field, a.from)} to ${formatValue(field, a.to)}`;
}
