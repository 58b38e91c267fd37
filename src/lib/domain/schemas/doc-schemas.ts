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

/**
 * Largest JSON size of one document (its `_attachments` are not counted; see attachments.ts).
 * Room for the worst case the schemas allow: a task carries its description twice
 * (`description` and `descBase`) and a description edit's activity twice more (`from`,
 * `to`), each up to 20,000 UTF-16 units, at most 3 UTF-8 bytes each.
 */
export const MAX_DOC_BYTES = 256 * 1024;

const utf8 = new TextEncoder();

/**
 * A document's size as the server's validator counts it: the UTF-8 JSON of its `_id` and
 * its own fields, without CouchDB's underscore fields (`_rev`, `_attachments`, …).
 */
export function docBytes(doc: object): number {
	const body: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(doc)) {
		if (!key.startsWith('_') || key === '_id') body[key] = value;
	}
	return utf8.encode(JSON.stringify(body)).length;
}

export const isWorkspaceDocType = (t: unknown): t is WorkspaceDocType =>
	typeof t === 'string' && Object.hasOwn(workspaceDocSchemas, t);
