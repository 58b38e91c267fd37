import { z } from 'zod';
import { ULID_PATTERN } from '../ids';
import { baseDoc, taskIdSchema, userName } from './common.schema';

/**
 * One person's choice to follow a task or not: `watch:<task ULID>:<user>`. Assignee,
 * reporter and creator follow a task without one; `on: false` opts them out. Commenting
 * writes one with `on: true`. Only that person may write it.
 */
export const watchSchema = z.object({
	_id: z.string().regex(new RegExp(`^watch:${ULID_PATTERN}:[a-z0-9][a-z0-9._-]{1,31}$`)),
	type: z.literal('watch'),
	task: taskIdSchema,
	user: userName,
	on: z.boolean(),
	...baseDoc
});

export type Watch = z.infer<typeof watchSchema>;

export const watchId = (task: string, user: string): string =>
	`watch:${task.replace(/^task:/, '')}:${user}`;
