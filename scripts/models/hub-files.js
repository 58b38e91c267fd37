// Which files `npm run models:fetch` downloads for a Hugging Face Hub model, and from where.
// Pure, so it is unit-tested (tests/unit/models/hub-files.spec.ts).

/** Files of a transformers.js feature-extraction model, int8 weights (dtype 'q8'). */
export const MODEL_FILES = [
	'config.json',
	'tokenizer.json',
	'tokenizer_config.json',
	'onnx/model_quantized.onnx'
];

/** Files some models have and others do not; a 404 on these is not an error. */
export const OPTIONAL_FILES = ['special_tokens_map.json'];

/**
 * `owner/name` for a model id; a bare name means the transformers.js conversions published
 * under `Xenova/` (e.g. `all-MiniLM-L6-v2` → `Xenova/all-MiniLM-L6-v2`).
 * @param {string} id
 * @returns {string}
 */
export function normaliseModelId(id) {
	const full = id.includes('/') ? id : `Xenova/${id}`;
	const parts = full.split('/');
	if (parts.length !== 2 || parts.some((p) => !/^[\w.-]+$/.test(p) || /^\.+$/.test(p))) {
		throw new Error(
			`"${id}" is not a model id (expected owner/name, e.g. Xenova/all-MiniLM-L6-v2)`
		);
	}
	return full;
}

/**
 * Download URL of one file of a model at a revision.
 * @param {string} modelId owner/name
 * @param {string} file path inside the repository
 * @param {{ endpoint?: string, revision?: string }} [options] `endpoint` for a mirror (HF_ENDPOINT)
 */
export function hubFileUrl(
	modelId,
	file,
	{ endpoint = 'https://huggingface.co', revision = 'main' } = {}
) {
	const base = endpoint.replace(/\/+$/, '');
	return `${base}/${modelId}/resolve/${encodeURIComponent(revision)}/${file}`;
}
