/**
 * Folds transformers.js `progress_callback` events (one stream per file) into one
 * loaded/total figure for the whole model.
 */

/** The fields of a transformers.js progress event that the tally reads. */
export interface ProgressEvent {
	status: string;
	file?: string;
	loaded?: number;
	total?: number;
}

/** Running sums of bytes loaded and expected over a model's files. */
export class ProgressTally {
	#files = new Map<string, { loaded: number; total: number }>();
	#current: string | undefined;

	/** Totals so far, and the file last reported. */
	get state(): { loaded: number; total: number; file?: string } {
		let loaded = 0;
		let total = 0;
		for (const f of this.#files.values()) {
			loaded += f.loaded;
			total += f.total;
		}
		return { loaded, total, ...(this.#current ? { file: this.#current } : {}) };
	}

	/** Records an event; true when it changed the state (worth telling the UI). */
	take(event: ProgressEvent): boolean {
		if (!event.file) return false;
		if (event.status === 'progress' && typeof event.total === 'number') {
			this.#files.set(event.file, { loaded: event.loaded ?? 0, total: event.total });
			this.#current = event.file;
			return true;
		}
		const entry = this.#files.get(event.file);
		if (event.status === 'done' && entry) {
			entry.loaded = entry.total;
			return true;
		}
		return false;
	}
}

/** Most progress messages per second the worker sends (the UI cannot show more anyway). */
export const PROGRESS_PER_SECOND = 10;

/**
 * Lets through at most `PROGRESS_PER_SECOND` updates, but always the first and the one that
 * completes the download, so the bar never stops short of full.
 */
export class ProgressThrottle {
	#last = -Infinity;

	/** Whether to send `state` at time `now` (ms). */
	take(state: { loaded: number; total: number }, now: number): boolean {
		const complete = state.total > 0 && state.loaded >= state.total;
		if (!complete && now - this.#last < 1000 / PROGRESS_PER_SECOND) return false;
		this.#last = now;
		return true;
	}
}
