/**
 * An async read that re-runs when the reactive values it reads change, e.g. a view query
 * that reads `tracker.revision` and the week shown. Call during component initialisation.
 * Only the latest run's answer is kept, so a slow earlier query never overwrites a newer one.
 */
import { errorMessage } from './pouch';

export class LiveQuery<T> {
	#value = $state.raw<T | undefined>(undefined);
	#loading = $state(true);
	#error = $state<string | null>(null);

	get value(): T | undefined {
		return this.#value;
	}
	/** True until the first answer arrives (later re-runs keep showing the previous one). */
	get loading(): boolean {
		return this.#loading;
	}
	get error(): string | null {
		return this.#error;
	}

	constructor(load: () => Promise<T>) {
		let run = 0;
		$effect(() => {
			const id = ++run;
			// `load()` runs synchronously up to its first await, inside this effect: whatever
			// reactive state it reads there is what re-runs it.
			load().then(
				(value) => {
					if (id !== run) return;
					this.#value = value;
					this.#error = null;
					this.#loading = false;
				},
				(err: unknown) => {
					if (id !== run) return;
					this.#error = errorMessage(err);
					this.#loading = false;
				}
			);
		});
	}
}
