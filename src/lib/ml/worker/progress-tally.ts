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
