/**
 * Typed, prefixed document ids. Every document's `_id` starts with its type so that
 * `_all_docs` ranges (`startkey: 'task:'`, `endkey: 'task:\ufff0'`) select one type cheaply.
 * The random part is a ULID: time-sortable, so `_all_docs` order is creation order.
 */
import { monotonicFactory } from 'ulidx';

const ulid = monotonicFactory();

/** Crockford base32 ULID, as produced by `ulid()`. */
export const ULID_PATTERN = '[0-9A-HJKMNP-TV-Z]{26}';
/** Workspace ids appear in database names, which CouchDB requires to be lowercase. */
export const WORKSPACE_ID_PATTERN = '[0-9a-hjkmnp-tv-z]{26}';

export type ProjectId = `project:${string}`;
export type TaskId = `task:${string}`;
export type CommentId = `comment:${string}:${string}`;
export type ActivityId = `activity:${string}`;
export type AttachmentId = `attachment:${string}:${string}`;

export const newProjectId = (): ProjectId => `project:${ulid()}`;
export const newTaskId = (): TaskId => `task:${ulid()}`;
export const newActivityId = (): ActivityId => `activity:${ulid()}`;
/** Comments sort under their task, so one task's comments are one `_all_docs` range. */
export const newCommentId = (task: TaskId): CommentId => `comment:${ulidOf(task)}:${ulid()}`;
export const newWorkspaceId = (): string => ulid().toLowerCase();

/** Attachments sort under their task, like comments. */
export const newAttachmentId = (task: TaskId): AttachmentId =>
	`attachment:${ulidOf(task)}:${ulid()}`;

/** The ULID part of a prefixed id (`task:01H…` → `01H…`). */
export function ulidOf(id: string): string {
	const at = id.lastIndexOf(':');
	return at === -1 ? id : id.slice(at + 1);
}

/** `_all_docs` bounds that select every document whose id starts with `prefix`. */
export function idRange(prefix: string): { startkey: string; endkey: string } {
	return { startkey: prefix, endkey: `${prefix}\ufff0` };
}

/** All comments of one task. */
export const commentRange = (task: TaskId) => idRange(`comment:${ulidOf(task)}:`);

/** Database holding one workspace's projects, tasks, comments and activity. */
export const workspaceDbName = (workspaceId: string): string => `tf-ws-${workspaceId}`;

/** Private per-user database: the user name hex-encoded, as CouchDB's couch_peruser does. */
export function userDbName(userName: string): string {
	const hex = Array.from(new TextEncoder().encode(userName), (b) =>
		b.toString(16).padStart(2, '0')
	).join('');
	return `tf-user-${hex}`;
}
