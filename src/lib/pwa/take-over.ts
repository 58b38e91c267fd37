/**
 * Switching an open page to a waiting service worker. The page asks the waiting worker to
 * skip waiting and reloads once it is in charge: on `controllerchange`, or when the worker
 * reports itself activated (or replaced) in case that event was missed. When nothing waits
 * any more (another tab applied it) the page reloads at once. It never reloads while the
 * worker is still held back: Chromium keeps the outgoing worker in charge while it has
 * events in flight (another tab loading the model, say), and a navigation started in that
 * window can stall for good.
 */

/** The waiting worker, as far as taking over needs it. */
export interface WaitingWorker {
	readonly state: string;
	postMessage(message: unknown): void;
	/** Calls `listener` on each state change. */
	onStateChange(listener: () => void): void;
}

export interface TakeOverPorts {
	/** The worker waiting to take over, if any (another tab may already have applied it). */
	waiting: WaitingWorker | null;
	/** Calls `listener` once, when a new worker controls this page. */
	onControllerChange(listener: () => void): void;
	reload(): void;
}

/** Starts the switch; the page reloads exactly once, whichever way it gets there. */
export function takeOver(ports: TakeOverPorts): void {
	let reloaded = false;
	const reload = () => {
		if (reloaded) return;
		reloaded = true;
		ports.reload();
	};
	const waiting = ports.waiting;
	if (!waiting) {
		// Already active (applied from another tab): a reload picks it up.
		reload();
		return;
	}
	ports.onControllerChange(reload);
	waiting.onStateChange(() => {
		if (waiting.state === 'activated' || waiting.state === 'redundant') reload();
	});
	waiting.postMessage({ type: 'SKIP_WAITING' });
}
