/**
 * Loads a text encoder in Node with the same settings as the browser worker: local files only
 * (`static/models`), int8 weights, mean pooling + normalisation. For tests, scripts and evals.
 */
import path from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { DEFAULT_MODEL_ID, EMBED_OPTIONS, MODEL_DTYPE } from './ml-models';

/** Embeds texts into unit vectors (one `number[]` per text). */
export type EmbedTexts = (texts: string[]) => Promise<number[][]>;

/**
 * @param modelId e.g. `taskflow/glove-100d` (built by `npm run models:build`)
 * @param modelsDir folder holding `<owner>/<name>/`; defaults to `static/models` of the cwd
 */
export async function loadEncoderNode(
	modelId: string = DEFAULT_MODEL_ID,
	modelsDir: string = path.resolve('static/models')
): Promise<EmbedTexts> {
	env.allowRemoteModels = false;
	env.allowLocalModels = true;
	env.localModelPath = modelsDir + path.sep;
	const extractor: FeatureExtractionPipeline = await pipeline('feature-extraction', modelId, {
		dtype: MODEL_DTYPE
	});
	return async (texts) => {
		if (texts.length === 0) return [];
		const output = await extractor(texts, EMBED_OPTIONS);
		// Text with no tokens at all pools to 0/0; a zero vector is "similar to nothing" instead.
		return (output.tolist() as number[][]).map((v) => v.map((x) => (Number.isFinite(x) ? x : 0)));
	};
}
