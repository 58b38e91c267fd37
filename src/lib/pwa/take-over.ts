/**
 * Switching an open page to a waiting service worker. The page asks the waiting worker to
 * skip waiting and reloads once it controls the page. Chromium keeps the outgoing worker in
 * charge while it still has events in flight, and a steady stream of the app's own sync
 * requests can park the new worker in `waiting` for minutes (Chromium's limit is five). A
 * reload ends those requests, so after a short wait the page reloads anyway: the reloaded
 * page comes up under the new worker, or, at worst, under the old one with the update
 * announced again. The button never does nothing.
 */

/** How long to wait for the new worker to take charge before reloading anyway. */
export const TAKE_OVER_GRACE_MS = 4_000;

export interface TakeOverPorts {
	/** The worker waiting to take over, if any (another tab may already have applied it). */
	waiting: { postMessage(message: unknown): void } | null;
	/** Calls `listener` once, when a new worker controls this page. */
	onControllerChange(listener: () => void): void;
	reload(): void;
	setTimer(callback: () => void, ms: number): void;
}

/** Starts the switch; the page reloads exactly once, whichever way it gets there. */
export function takeOver(ports: TakeOverPorts, graceMs = TAKE_OVER_GRACE_MS): void {
	let reloaded = false;
	const reload = () => {
		if (reloaded) return;
		reloaded = true;
		ports.reload();
	};
	if (!ports.waiting) {
		// Already active (applied from another tab): a reload picks it up.
		reload();
		return;
	}
	ports.onControllerChange(reload);
	ports.waiting.postMessage({ type: 'SKIP_WAITING' });
	ports.setTimer(reload, graceMs);
}
