/**
 * Starting and stopping timers from the UI, with the feedback a person needs: what was
 * stopped, how long it ran, and a clear message when a write fails.
 */
import type { TimeEntry } from '$lib/domain/schemas/time-entry.schema';
import { formatDuration } from '$lib/domain/time/duration';
import { ValidationError } from '$lib/domain/validation';
import type { TimeTracker } from '$lib/db/time-tracker.svelte';
import { errorMessage } from '$lib/db/pouch';
import { toasts } from '$lib/components/ui/toast/toast.svelte';

export interface TimedTask {
	_id: string;
	project: string;
	title: string;
}

/** Starts a timer on `task`; a running one stops first and the toast says so. */
export async function startTimerOn(tracker: TimeTracker, task: TimedTask): Promise<void> {
	const before = tracker.current;
	try {
		await tracker.startTimer(task);
		if (before) {
			const ran = formatDuration(Math.round((Date.now() - Date.parse(before.start)) / 60_000));
			toasts.show(`Stopped the previous timer (${ran}) and started “${task.title}”`);
		}
	} catch (err) {
		toasts.error(`Could not start the timer: ${errorMessage(err)}`);
	}
}

/** Stops `entry` (the running timer by default); returns the finished entry. */
export async function stopTimerEntry(
	tracker: TimeTracker,
	entry: TimeEntry | null = tracker.current
): Promise<TimeEntry | null> {
	try {
		const done = await tracker.stopTimer(entry);
		if (done) toasts.show(`Logged ${formatDuration(done.minutes)}`, { kind: 'success' });
		return done;
	} catch (err) {
		const message =
			err instanceof ValidationError ? Object.values(err.fields)[0] : errorMessage(err);
		toasts.error(
			`Could not stop the timer: ${message ?? 'unknown error'}. Edit its start time in the timesheet, then stop it.`
		);
		return null;
	}
}
