import { z } from 'zod';
import { ULID_PATTERN } from '../ids';
import { baseDoc, isoDateTime, taskIdSchema, text, userName } from './common.schema';

export const commentSchema = z.object({
	_id: z.string().regex(new RegExp(`^comment:${ULID_PATTERN}:${ULID_PATTERN}$`)),
	type: z.literal('comment'),
	task: taskIdSchema,
	/** Markdown, rendered sanitised. */
	body: text(10_000),
	author: userName,
	editedAt: isoDateTime.nullable(),
	...baseDoc
});

export type Comment = z.infer<typeof commentSchema>;
