/**
 * The app's text encoder: which model (the user's `mlModel` preference, else the built-in one),
 * whether it is loading (with progress), ready or failed, and `embed()` for features such as
 * suggestions and duplicate detection. The worker starts on the first `load()`/`embed()`.
 */
import { base } from '$app/paths';
import { prefsStore } from '$lib/db/prefs-store.svelte';
import { MlClient, type PayloadOf } from './ml-client';
import { DEFAULT_MODEL_ID, type InstalledModel } from './ml-models';
import type { LoadProgress, MlResults, ModelRef } from './ml-protocol';

/** idle: nothing asked yet; loading; ready; error (see `error`). */
export type EncoderStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Root-relative path of the served models folder, e.g. `/models/`. */
export function modelsUrl(): string {
	return `${base}/models/`;
}

/** The models installed on the server (`/models/index.json`), built-in first. */
export async function fetchInstalledModels(): Promise<InstalledModel[]> {
	const response = await fetch(`${modelsUrl()}index.json`);
	if (!response.ok) throw new Error(`model list unavailable (HTTP ${response.status})`);
	return ((await response.json()) as { models: InstalledModel[] }).models;
}

class EncoderStore {
	#client = new MlClient();
	#status = $state<EncoderStatus>('idle');
	#progress = $state<LoadProgress | null>(null);
	#error = $state('');
	#readyModel = '';

	constructor() {
		this.#client.onProgress((p) => {
			if (p.modelId === this.modelId) this.#progress = p;
		});
	}

	/** The model the user chose, or the built-in one. */
	get modelId(): string {
		return prefsStore.prefs.mlModel || DEFAULT_MODEL_ID;
	}
	get status(): EncoderStatus {
		return this.#readyModel && this.#readyModel !== this.modelId ? 'idle' : this.#status;
	}
	/** Bytes of the model fetched so far, while loading. */
	get progress(): LoadProgress | null {
		return this.#progress;
	}
	get error(): string {
		return this.#error;
	}

	/** Loads the current model; the promise resolves with the load time in ms. */
	async load(): Promise<number> {
		const ref = this.#ref();
		if (this.#status !== 'ready' || this.#readyModel !== ref.modelId) {
			this.#status = 'loading';
			this.#progress = null;
		}
		try {
			const { loadMs } = await this.#client.load(ref);
			this.#settle(ref, 'ready', '');
			return loadMs;
		} catch (err) {
			this.#settle(ref, 'error', err instanceof Error ? err.message : String(err));
			throw err;
		}
	}

	/** Embeds texts with the current model (loading it first if needed). */
	async embed(texts: string[]): Promise<Float32Array[]> {
		await this.load();
		return this.#client.embed(this.#ref(), texts);
	}

	/**
	 * Asks the worker (index sync, suggest, duplicates, search) with the current model, loading
	 * it first so `status` tells the UI what is going on.
	 */
	async request<K extends keyof MlResults>(
		type: K,
		payload: Omit<PayloadOf<K>, keyof ModelRef>
	): Promise<MlResults[K]> {
		await this.load();
		return this.#client.request(type, { ...payload, ...this.#ref() } as unknown as PayloadOf<K>);
	}

	#ref(): ModelRef {
		return { modelId: this.modelId, modelsUrl: modelsUrl() };
	}

	#settle(ref: ModelRef, status: EncoderStatus, error: string) {
		// A model switched while this one loaded reports nothing over the newer one.
		if (ref.modelId !== this.modelId) return;
		this.#status = status;
		this.#error = error;
		this.#readyModel = status === 'ready' ? ref.modelId : '';
	}
}

/** The app-wide encoder. */
export const encoder = new EncoderStore();
