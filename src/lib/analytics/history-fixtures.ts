/**
 * Task histories shared by the status-history specs. Times are UTC, so the expected
 * durations can be worked out by hand.
 */
import type { TaskHistory } from './status-history';

/** Milliseconds in an hour, for expected `timeInStatus` values. */
export const HOUR = 3_600_000;
/** Milliseconds in a (UTC) day. */
export const DAY = 24 * HOUR;

/**
 * Created Mon 2 March 09:00; started +1 day; done +3; reopened +4; review +5.5; done +6.
 * Given out of order on purpose.
 */
export const reopened: TaskHistory = {
	task: 'task:reopened',
	createdAt: '2026-03-02T09:00:00Z',
	changes: [
		{ at: '2026-03-08T09:00:00Z', from: 'review', to: 'done' },
		{ at: '2026-03-05T09:00:00Z', from: 'in_progress', to: 'done' },
		{ at: '2026-03-03T09:00:00Z', from: 'todo', to: 'in_progress' },
		{ at: '2026-03-07T21:00:00Z', from: 'in_progress', to: 'review' },
		{ at: '2026-03-06T09:00:00Z', from: 'done', to: 'in_progress' }
	]
};

/** A task created 2 March 09:00 UTC (unless given) with the given changes. */
export const task = (
	changes: TaskHistory['changes'],
	createdAt = '2026-03-02T09:00:00Z'
): TaskHistory => ({ task: 'task:t', createdAt, changes });
