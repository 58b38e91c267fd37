import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../attachments';
import { ULID_PATTERN } from '../ids';
import { baseDoc, taskIdSchema } from './common.schema';

/**
 * One file on a task (optionally on one of its comments). The bytes are CouchDB attachments
 * of this document — `file` (the stored, possibly downscaled file) and, for photos, `thumb`
 * — so they replicate and work offline, while task documents stay small. Immutable once
 * written: deleting it is the only change.
 */
export const attachmentSchema = z.object({
	_id: z.string().regex(new RegExp(`^attachment:${ULID_PATTERN}:${ULID_PATTERN}$`)),
	type: z.literal('attachment'),
	task: taskIdSchema,
	comment: z
		.string()
		.regex(new RegExp(`^comment:${ULID_PATTERN}:${ULID_PATTERN}$`))
		.nullable(),
	name: z.string().min(1, 'required').max(200, 'at most 200 characters'),
	contentType: z
		.string()
		.max(100)
		.regex(/^[\w.+-]+\/[\w.+-]+$/, 'invalid content type'),
	/** Bytes of the `file` attachment. */
	size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
	/** Pixel size of stored images, null for other files. */
	width: z.number().int().min(1).max(20_000).nullable(),
	height: z.number().int().min(1).max(20_000).nullable(),
	...baseDoc
});

export type Attachment = z.infer<typeof attachmentSchema>;
