import { z } from 'zod';
import { ULID_PATTERN } from '../ids';
import { baseDoc, isoDateTime, projectIdSchema, taskIdSchema, userName } from './common.schema';

/**
 * Time tracked by one person on one task. A running timer is an entry with `end: null`;
 * stopping it sets `end` and `minutes`. `start` and `end` carry the offset of the user's
 * time zone, so the first ten characters of `start` are the day the entry counts for. An entry belongs to its `user`: only they create,
 * edit or delete it (enforced by the workspace validator).
 */
export const timeEntrySchema = z.object({
	_id: z.string().regex(new RegExp(`^time:${ULID_PATTERN}$`)),
	type: z.literal('time'),
	user: userName,
	task: taskIdSchema,
	project: projectIdSchema,
	start: isoDateTime,
	end: isoDateTime.nullable(),
	/**
	 * Whole minutes from start to end; 0 while the timer runs. At most a day per entry (the
	 * validator also checks that it matches start and end).
	 */
	minutes: z
		.number()
		.int()
		.min(0)
		.max(24 * 60),
	note: z.string().max(1000),
	billable: z.boolean(),
	...baseDoc
});

export type TimeEntry = z.infer<typeof timeEntrySchema>;
