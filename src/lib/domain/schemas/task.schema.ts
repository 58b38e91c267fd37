import { z } from 'zod';
import { ULID_PATTERN } from '../ids';
import {
	baseDoc,
	hlcSchema,
	isoDate,
	isoDateTime,
	projectIdSchema,
	taskIdSchema,
	text,
	userName
} from './common.schema';
import { recurrenceSchema } from './recurrence.schema';
import { customValuesSchema } from './custom-field.schema';

/** Board columns, in order. */
/** The longest description, in UTF-16 units (what `String.length` counts). */
export const MAX_DESCRIPTION_LENGTH = 20_000;

export const TASK_STATUSES = ['todo', 'in_progress', 'review', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const STATUS_LABELS: Record<TaskStatus, string> = {
	todo: 'To do',
	in_progress: 'In progress',
	review: 'Review',
	done: 'Done'
};

export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * The AI suggestion a person was shown for this task, kept for evaluation: what was
 * suggested, how sure the model was, which model, and whether the person accepted it.
 */
export const suggestionSchema = z.object({
	field: z.enum(['priority', 'estimate', 'assignee']),
	value: z.union([z.string().max(40), z.number()]),
	confidence: z.number().min(0).max(1),
	model: z.string().max(100),
	accepted: z.boolean().nullable()
});

/** What a conflict repair did: when, which fields differed, whose edits were merged in. */
export const mergeInfoSchema = z.object({
	at: isoDateTime,
	fields: z.array(z.string().max(40)).max(30),
	with: z.array(userName).max(20),
	keptFromTrash: z.boolean()
});
export type MergeInfo = z.infer<typeof mergeInfoSchema>;

/** Fields a person edits; each carries its own clock in `clocks` for per-field merging. */
export const TASK_EDITABLE_FIELDS = [
	'title',
	'description',
	'status',
	'priority',
	'assignee',
	'due',
	'start',
	'estimate',
	'tags',
	'parent',
	'dependencies',
	'rank',
	'project',
	'deletedAt',
	'completedAt',
	'recurrence',
	'suggestions'
] as const;
export type TaskEditableField = (typeof TASK_EDITABLE_FIELDS)[number];

export const taskSchema = z.object({
	_id: z.string().regex(new RegExp(`^task:${ULID_PATTERN}$`)),
	type: z.literal('task'),
	project: projectIdSchema,
	title: text(200),
	description: z
		.string()
		.max(MAX_DESCRIPTION_LENGTH, `at most ${MAX_DESCRIPTION_LENGTH} characters`),
	status: z.enum(TASK_STATUSES),
	priority: z.enum(PRIORITIES),
	assignee: userName.nullable(),
	reporter: userName,
	due: isoDate.nullable(),
	start: isoDate.nullable(),
	/** Estimated effort in hours. */
	estimate: z.number().min(0).max(10_000).nullable(),
	tags: z
		.array(
			z
				.string()
				.min(1)
				.max(40)
				.regex(/^[^,\s][^,]*$/, 'invalid tag')
		)
		.max(30),
	parent: taskIdSchema.nullable(),
	dependencies: z.array(taskIdSchema).max(100),
	rank: z.string().min(1).max(200),
	completedAt: isoDateTime.nullable(),
	/** Soft delete: set when the task is in the trash. */
	deletedAt: isoDateTime.nullable(),
	clocks: z.record(z.string(), hlcSchema),
	/**
	 * Per field (keys as in `clocks`), the clock of the value the last edit replaced: a
	 * revision whose value is that old or older was seen by that edit, so a merge does not
	 * report it as lost (it was replaced, not raced).
	 */
	bases: z.record(z.string(), hlcSchema).optional(),
	/** Repeat rule: completing this task creates the next occurrence (domain/recurrence). */
	recurrence: recurrenceSchema.nullable().optional(),
	suggestions: z.array(suggestionSchema).max(20).optional(),
	/** Values of the project's custom fields by field id; each has its clock `custom.<id>`. */
	custom: customValuesSchema.optional(),
	/**
	 * The last description this device knows others had (its clock and text): the common
	 * version a three-way merge of concurrent description edits starts from.
	 */
	descBase: z
		.object({ clock: hlcSchema, text: z.string().max(MAX_DESCRIPTION_LENGTH) })
		.nullable()
		.optional(),
	/** Set when concurrent edits were merged, so the UI can say so until someone looks. */
	merge: mergeInfoSchema.nullable().optional(),
	/** Who wrote this revision. */
	updatedBy: userName.optional(),
	...baseDoc
});

export type Task = z.infer<typeof taskSchema>;
