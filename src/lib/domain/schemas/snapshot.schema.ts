import { z } from 'zod';
import { ULID_PATTERN } from '../ids';
import { isoDate, isoDateTime, projectIdSchema } from './common.schema';

const count = z.number().int().min(0).max(10_000_000);

/**
 * A project's figures at the end of one UTC day, written by the analytics worker (server
 * admins only), so burn-down history survives later edits, moves and deletions. One per
 * project and day: `snapshot:<project ULID>:<YYYY-MM-DD>`, rewritten during the day.
 */
export const snapshotSchema = z.object({
	_id: z.string().regex(new RegExp(`^snapshot:${ULID_PATTERN}:\\d{4}-\\d{2}-\\d{2}$`)),
	_rev: z.string().optional(),
	type: z.literal('snapshot'),
	project: projectIdSchema,
	day: isoDate,
	/** Live tasks per status. */
	counts: z.object({ todo: count, in_progress: count, review: count, done: count }),
	/** Estimated hours of the tasks that are not done. */
	remainingEstimate: z.number().min(0).max(1e9),
	/** When the figures were last read. */
	takenAt: isoDateTime
});

export type Snapshot = z.infer<typeof snapshotSchema>;
