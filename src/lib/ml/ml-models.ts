/**
 * What the app knows about its text encoders, shared by the worker, the Node loader, tests and
 * the Settings select. Models live under the app's own `/models/<owner>/<name>/` in
 * transformers.js's layout; `/models/index.json` lists the installed ones.
 */

/** The encoder built into the repo by `npm run models:build` (GloVe, 100 dimensions). */
export const DEFAULT_MODEL_ID = 'taskflow/glove-100d';

/** Every model is loaded as its int8 file, `onnx/model_quantized.onnx`. */
export const MODEL_DTYPE = 'q8';

/** Sentence embedding = attention-masked mean of the token vectors, scaled to length 1. */
export const EMBED_OPTIONS = { pooling: 'mean', normalize: true } as const;

/** One entry of `/models/index.json`. */
export interface InstalledModel {
	id: string;
	/** File paths inside the model's folder. */
	files: string[];
	bytes: number;
}

/** Whether `id` looks like `owner/name` (no path tricks), as models:fetch and prefs accept. */
export function isModelId(id: string): boolean {
	return /^[\w.-]+\/[\w.-]+$/.test(id) && !id.split('/').some((part) => /^\.+$/.test(part));
}

/**
 * Cosine similarity of two vectors (the dot product when both are unit length, as
 * `EMBED_OPTIONS` makes them).
 */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let dot = 0;
	let na = 0;
	let nb = 0;
	for (let i = 0; i < a.length; i++) {
		const x = a[i] ?? 0;
		const y = b[i] ?? 0;
		dot += x * y;
		na += x * x;
		nb += y * y;
	}
	return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
