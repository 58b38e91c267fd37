/**
 * Parts of the project page that load on first use (the task panel, the new-task dialog,
 * the list view), so the board paints with less code. Once the board is up they are also
 * fetched while the device is idle: a first visit that goes offline before the service
 * worker has stored the app can still open a task, because a module loaded once stays
 * loaded for the page's life.
 */
export const loadTaskDetail = () => import('./TaskDetail.svelte');
export const loadNewTaskDialog = () => import('./NewTaskDialog.svelte');
export const loadTaskList = () => import('./TaskList.svelte');

/** Fetches the parts when the device is idle; returns a function that cancels it. */
export function prefetchTaskParts(): () => void {
	const run = () => {
		for (const load of [loadTaskDetail, loadNewTaskDialog, loadTaskList]) {
			// A failed fetch (offline) is tried again on first use, where it is reported.
			load().catch(() => undefined);
		}
	};
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(run, { timeout: 3000 });
		return () => cancelIdleCallback(handle);
	}
	const t = setTimeout(run, 1000);
	return () => clearTimeout(t);
}
