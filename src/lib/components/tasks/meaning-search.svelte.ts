/**
 * "By meaning" for a project's search box: when switched on, the words typed are also sent to
 * the ML worker, and tasks whose text means the same (a paraphrase sharing no word) join the
 * word matches. Off by default; when the model is loading or failed, word search works as
 * before and `state` says why nothing was added.
 */
import { encoder } from '$lib/ml/ml-client-store.svelte';
import { suggesterFor } from '$lib/ml/workspace-suggester';
import type { WorkspaceContext } from '$lib/components/workspace/workspace-context';
import { errorMessage } from '$lib/db/error-message';

/** Typing pauses this long before a search goes to the worker. */
const DEBOUNCE_MS = 200;

/** idle: off or no query; searching; done; error (see `error`). */
export type MeaningState = 'idle' | 'searching' | 'done' | 'error';

const NONE: ReadonlySet<string> = new Set();

export class MeaningSearch {
	/** The toggle. */
	on = $state(false);
	#hits = $state<ReadonlySet<string>>(NONE);
	#state = $state<MeaningState>('idle');
	#error = $state('');
	#asked = 0;

	/** Must be constructed while a component initialises (it owns an effect). */
	constructor(ws: () => WorkspaceContext, projectId: () => string, text: () => string) {
		$effect(() => {
			const query = text().trim();
			const project = projectId();
			const session = ws().session;
			const ask = ++this.#asked;
			if (!this.on || !query) {
				this.#hits = NONE;
				this.#state = 'idle';
				return;
			}
			this.#state = 'searching';
			const timer = setTimeout(() => {
				suggesterFor(session)
					.search(query, project)
					.then(
						(hits) => {
							// A newer query (or the toggle) superseded this one meanwhile.
							if (ask !== this.#asked) return;
							// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
							this.#hits = new Set(hits.map((h) => h.id));
							this.#state = 'done';
						},
						(err: unknown) => {
							if (ask !== this.#asked) return;
							this.#hits = NONE;
							this.#error = errorMessage(err);
							this.#state = 'error';
						}
					);
			}, DEBOUNCE_MS);
			return () => {
				clearTimeout(timer);
				// Unmounted or superseded: an answer still on its way must change nothing.
				this.#asked++;
			};
		});
	}

	/** Ids of tasks that match the query by words or meaning (empty unless on and done). */
	get hits(): ReadonlySet<string> {
		return this.#hits;
	}
	get state(): MeaningState {
		return this.#state;
	}
	get error(): string {
		return this.#error;
	}
	/** Whether the model is still downloading (a first search waits for it). */
	get loadingModel(): boolean {
		return this.#state === 'searching' && encoder.status === 'loading';
	}
}
