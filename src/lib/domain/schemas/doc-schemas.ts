/** Every document type a workspace database may hold, keyed by its `type` field. */
import type { z } from 'zod';
import { activitySchema } from './activity.schema';
import { attachmentSchema } from './attachment.schema';
import { commentSchema } from './comment.schema';
import { projectSchema } from './project.schema';
import { snapshotSchema } from './snapshot.schema';
import { watchSchema } from './watch.schema';
import { taskSchema } from './task.schema';
import { timeEntrySchema } from './time-entry.schema';

export const workspaceDocSchemas = {
	project: projectSchema,
	task: taskSchema,
	comment: commentSchema,
	time: timeEntrySchema,
	activity: activitySchema,
	snapshot: snapshotSchema,
	watch: watchSchema,
	attachment: attachmentSchema
} as const satisfies Record<string, z.ZodType>;

export type WorkspaceDocType = keyof typeof workspaceDocSchemas;
export type WorkspaceDoc = z.infer<(typeof workspaceDocSchemas)[WorkspaceDocType]>;

/** Largest JSON size of one document (its `_attachments` are not counted; see attachments.ts). */
export const MAX_DOC_BYTES = 64 * 1024;

export const isWorkspaceDocType = (t: unknown): t is WorkspaceDocType =>
	typeof t === 'string' && Object.hasOwn(workspaceDocSchemas, t);
