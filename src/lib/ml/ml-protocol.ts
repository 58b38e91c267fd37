/**
 * Messages between the main thread (ml-client.ts) and the ML worker (worker/ml.worker.ts).
 * Every request carries an `id`; the worker answers it with one `result` or `error` of the same
 * id, and may send `progress` events for it while a model loads.
 */

/** Where models are served from and which one to use. */
export interface ModelRef {
	modelId: string;
	/**
	 * Root-relative path of the folder holding `<owner>/<name>/`, e.g. `/models/`. Not a full
	 * URL: transformers.js only finds local model files (tokenizer included) under a path.
	 */
	modelsUrl: string;
}

/** Main thread → worker. */
export type MlRequest =
	| { type: 'load'; id: number; payload: ModelRef }
	| { type: 'embed'; id: number; payload: ModelRef & { texts: string[] } };

/** Answer to a `load` request. */
export interface LoadResult {
	modelId: string;
	/** Time to fetch the files and start the ONNX session, 0 when it was loaded already. */
	loadMs: number;
}

/** Answer to an `embed` request: `texts.length` unit vectors of `dims`, row after row. */
export interface EmbedResult {
	modelId: string;
	dims: number;
	data: Float32Array;
	inferenceMs: number;
}

/** Download state of a model's files (sums over the files seen so far). */
export interface LoadProgress {
	modelId: string;
	loaded: number;
	total: number;
	/** The file being fetched, if any. */
	file?: string;
}

/** Worker → main thread. */
export type MlResponse =
	| { type: 'result'; id: number; payload: LoadResult | EmbedResult }
	| { type: 'error'; id: number; payload: { message: string } }
	| { type: 'progress'; id: number; payload: LoadProgress };
