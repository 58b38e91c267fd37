/**
 * The app's text encoder in Node, for the evaluation: transformers.js loading the model
 * folder that `npm run models:build` writes under static/models (never from the network).
 * Returns null when the model has not been built, so the evaluation can still run lexically.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Model id the app uses, relative to static/models. */
export const MODEL_ID = 'taskflow/glove-100d';

/** Embeds texts as unit vectors. */
export type Embed = (texts: string[]) => Promise<Float32Array[]>;

/** Loads the encoder from `<root>/static/models`, or null when it is not there. */
export async function loadEncoder(root: string): Promise<Embed | null> {
	const models = path.join(root, 'static/models');
	if (!existsSync(path.join(models, MODEL_ID, 'onnx/model_quantized.onnx'))) return null;
	const { env, pipeline } = await import('@huggingface/transformers');
	env.localModelPath = models + '/';
	env.allowRemoteModels = false;
	const extract = await pipeline('feature-extraction', MODEL_ID, { dtype: 'q8' });
	return async (texts) => {
		const out: Float32Array[] = [];
		// Batches keep memory flat on the larger projects.
		for (let i = 0; i < texts.length; i += 64) {
			const t = await extract(texts.slice(i, i + 64), { pooling: 'mean', normalize: true });
			const [n, d] = t.dims as [number, number];
			const data = t.data as Float32Array;
			for (let j = 0; j < n; j++) out.push(data.slice(j * d, (j + 1) * d));
		}
		return out;
	};
}
