/**
 * One submission at a time for the account forms (sign in, set up, sign up, change
 * password). Each waits on the server hashing a password: CouchDB 3.5 uses 600,000 PBKDF2
 * iterations, about 0.6 s and up to 3 s, long enough to press Enter again or click twice.
 * A second request doubles the wait, races the first one's session cookie, or fails with
 * "name taken" after the first created the account. The guard sits in the submit handler,
 * not only on the disabled button: Enter in a field reaches the handler too, and a second
 * event can arrive before the button has re-rendered.
 */

/** The in-flight state of one form. */
export interface SubmitOnce {
	/** True from the start of a submission until its work has settled. */
	readonly busy: boolean;
	/**
	 * Runs `work` unless a submission is already in flight, telling the form it is busy
	 * around it. Resolves to whether `work` ran; rejects with its error, busy cleared.
	 */
	run(work: () => Promise<void>): Promise<boolean>;
}

/** A guard for one form; `onBusy` mirrors the state into the component (a `$state`). */
export function submitOnce(onBusy: (busy: boolean) => void = () => {}): SubmitOnce {
	let busy = false;
	const set = (value: boolean) => {
		busy = value;
		onBusy(value);
	};
	return {
		get busy() {
			return busy;
		},
		async run(work) {
			if (busy) return false;
			// Set before the first await, so an event queued right behind this one is refused.
			set(true);
			try {
				await work();
				return true;
			} finally {
				set(false);
			}
		}
	};
}
