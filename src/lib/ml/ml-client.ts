/**
 * Main-thread side of the ML worker: one promise per request, progress events to listeners.
 * The worker (and with it transformers.js and ONNX Runtime) is created on the first request,
 * so nothing of it is on the app's start-up path.
 */
import type {
	EmbedResult,
	LoadProgress,
	LoadResult,
	MlRequest,
	MlResponse,
	MlResults,
	ModelRef
} from './ml-protocol';

type Pending = { resolve: (value: never) => void; reject: (err: Error) => void };
/** Distributes `Omit` over the request union. */
type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;
/** The payload of the request of type `K`. */
export type PayloadOf<K extends MlRequest['type']> = Extract<MlRequest, { type: K }>['payload'];

/** Starts the real worker; tests may pass another factory. */
export function startMlWorker(): Worker {
	return new Worker(new URL('./worker/ml.worker.ts', import.meta.url), { type: 'module' });
}

/** A typed, promise-based handle on the ML worker. */
export class MlClient {
	#worker: Worker | null = null;
	#nextId = 1;
	#pending = new Map<number, Pending>();
	#listeners = new Set<(progress: LoadProgress) => void>();
	#createWorker: () => Worker;

	constructor(createWorker: () => Worker = startMlWorker) {
		this.#createWorker = createWorker;
	}

	/** Calls `listener` for each download progress event; returns the unsubscribe function. */
	onProgress(listener: (progress: LoadProgress) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Loads (or finds loaded) the model; resolves when it can embed. */
	load(ref: ModelRef): Promise<LoadResult> {
		return this.#send({ type: 'load', payload: ref });
	}

	/** Embeds `texts` into unit vectors, one per text, in order. */
	async embed(ref: ModelRef, texts: string[]): Promise<Float32Array[]> {
		const result = await this.embedTimed(ref, texts);
		return texts.map((_, i) => result.data.subarray(i * result.dims, (i + 1) * result.dims));
	}

	/** Like `embed`, with the worker's own inference time (for the bench). */
	embedTimed(ref: ModelRef, texts: string[]): Promise<EmbedResult> {
		return this.#send({ type: 'embed', payload: { ...ref, texts } });
	}

	/** Any request by type (index sync, suggest, duplicates, search); resolves with its answer. */
	request<K extends keyof MlResults>(type: K, payload: PayloadOf<K>): Promise<MlResults[K]> {
		return this.#send({ type, payload } as Unsent<MlRequest>);
	}

	/** Stops the worker; pending requests fail. The next request starts a new one. */
	terminate(reason: Error = new Error('ML worker stopped')): void {
		this.#worker?.terminate();
		this.#worker = null;
		for (const p of this.#pending.values()) p.reject(reason);
		this.#pending.clear();
	}

	#send<T>(request: Unsent<MlRequest>): Promise<T> {
		const worker = (this.#worker ??= this.#start());
		const id = this.#nextId++;
		return new Promise<T>((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			worker.postMessage({ ...request, id });
		});
	}

	#start(): Worker {
		const worker = this.#createWorker();
		worker.onmessage = (event: MessageEvent<MlResponse>) => this.#receive(event.data);
		// A worker that fails to start (script error, offline with no cache) fails every
		// request instead of leaving them hanging.
		worker.onerror = (event) => {
			event.preventDefault();
			this.terminate(new Error(`ML worker failed: ${event.message || 'could not start'}`));
		};
		return worker;
	}

	#receive(message: MlResponse): void {
		if (message.type === 'progress') {
			for (const listener of this.#listeners) listener(message.payload);
			return;
		}
		const pending = this.#pending.get(message.id);
		if (!pending) return;
		this.#pending.delete(message.id);
		if (message.type === 'error') pending.reject(new Error(message.payload.message));
		else pending.resolve(message.payload as never);
	}
}
