/**
 * Test support for the specs in this folder: time entries with sensible defaults, and the
 * running timer several specs start from. Not imported by application code.
 */
import { newProjectId, newTaskId } from '../ids';
import type { TimeEntry } from '../schemas/time-entry.schema';
import { startTimer } from './time-entry-ops';

/** Milliseconds since the epoch of an ISO date-time. */
export const at = (iso: string): number => Date.parse(iso);

/**
 * A valid time entry: alice's running, billable timer started 2026-11-16 08:15 in Berlin
 * (07:15Z), with `over` applied on top.
 */
export function timeEntry(over: Partial<TimeEntry> = {}): TimeEntry {
	return {
		_id: 'time:01KAAAAAAAAAAAAAAAAAAAAAAA',
		type: 'time',
		user: 'alice',
		task: 'task:01KAAAAAAAAAAAAAAAAAAAAAAB',
		project: 'project:01KAAAAAAAAAAAAAAAAAAAAAAC',
		start: '2026-11-16T08:15:00+01:00',
		end: null,
		minutes: 0,
		note: '',
		billable: true,
		createdBy: 'alice',
		createdAt: '2026-11-16T07:15:00.000Z',
		updatedAt: '2026-11-16T07:15:00.000Z',
		...over
	};
}

/** When `startedTimer()` starts: 2026-11-16 09:05:30.5 in Berlin. */
export const T0 = at('2026-11-16T08:05:30.500Z');

/** alice's billable timer on a fresh task and project, started by `startTimer` at T0 in Berlin. */
export function startedTimer() {
	const task = newTaskId();
	const project = newProjectId();
	const running = startTimer({
		user: 'alice',
		task,
		project,
		now: T0,
		tz: 'Europe/Berlin',
		billable: true
	});
	return { task, project, running };
}
