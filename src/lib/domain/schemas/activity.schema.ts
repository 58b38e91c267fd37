import { z } from 'zod';
import { ULID_PATTERN } from '../ids';
import { isoDateTime, projectIdSchema, taskIdSchema, userName } from './common.schema';

export const ACTIVITY_ACTIONS = [
	'create',
	'update',
	'delete',
	'restore',
	'comment',
	'merge'
] as const;

/**
 * One change to one field (or the creation/deletion of a document): the audit trail,
 * the source of task history and of history-based analytics. Append-only.
 */
export const activitySchema = z.object({
	_id: z.string().regex(new RegExp(`^activity:${ULID_PATTERN}$`)),
	_rev: z.string().optional(),
	type: z.literal('activity'),
	action: z.enum(ACTIVITY_ACTIONS),
	/** The document the change was made to. */
	doc: z.string().min(1).max(120),
	task: taskIdSchema.nullable(),
	project: projectIdSchema.nullable(),
	field: z.string().max(40).nullable(),
	from: z.unknown().optional(),
	to: z.unknown().optional(),
	/** For merges: who wrote the value that lost. */
	lostBy: userName.optional(),
	actor: userName,
	at: isoDateTime,
	createdBy: userName
});

export type Activity = z.infer<typeof activitySchema>;
