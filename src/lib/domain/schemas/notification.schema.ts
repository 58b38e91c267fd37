import { z } from 'zod';
import { isoDateTime, projectIdSchema, taskIdSchema, userName } from './common.schema';

export const NOTIFICATION_KINDS = [
	'assigned',
	'status',
	'due',
	'mention',
	'due_soon',
	'overdue',
	'unblocked'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * A notification in its recipient's private database (`tf-user-<hex>`), written by the
 * reminders worker (or, for due-soon reminders, shown by the device) under an id derived
 * from what caused it, so it is written once however often that is replayed. The user may
 * only set `readAt` or delete it.
 */
export const notificationSchema = z.object({
	_id: z.string().regex(/^notification:[a-z_]+:[0-9A-Za-z:_-]{1,160}$/),
	_rev: z.string().optional(),
	type: z.literal('notification'),
	kind: z.enum(NOTIFICATION_KINDS),
	/** The workspace id (not the database name). */
	workspace: z.string().regex(/^[0-9a-z]{1,40}$/),
	task: taskIdSchema,
	project: projectIdSchema.nullable(),
	/** The task's title when the notification was written. */
	title: z.string().max(200),
	/** Who caused it; null for reminders. */
	actor: userName.nullable(),
	/** Short values for changes (`from` → `to`), the mention's context, the due date. */
	from: z.string().max(200).nullable(),
	to: z.string().max(200).nullable(),
	/** When it happened (the change, or the reminder's threshold). */
	at: isoDateTime,
	createdAt: isoDateTime,
	readAt: isoDateTime.nullable(),
	/** Written during the recipient's quiet hours: listed, but no toast, sound or popup. */
	quiet: z.boolean()
});

export type Notification = z.infer<typeof notificationSchema>;
