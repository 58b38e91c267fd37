// `npm run models:fetch -- <model id>`: installs a Hugging Face Hub model (transformers.js
// layout, int8 ONNX weights) into static/models/<owner>/<name>/ so the app serves it to itself,
// and adds it to static/models/index.json. Needs a network that reaches huggingface.co (or a
// mirror in HF_ENDPOINT). Files go to a temporary folder first: a failed download leaves
// nothing half-installed.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL_ID as BUILT_IN } from './build-glove-encoder.js';
import { MODEL_FILES, OPTIONAL_FILES, hubFileUrl, normaliseModelId } from './hub-files.js';
import { writeManifest } from './models-manifest.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const modelsRoot = path.join(root, 'static/models');

/**
 * @param {string} url
 * @returns {Promise<Uint8Array | null>} null for a 404
 */
async function download(url) {
	let response;
	try {
		response = await fetch(url);
	} catch (err) {
		const cause = /** @type {{ cause?: { code?: string } }} */ (err).cause?.code;
		throw new Error(`cannot reach ${new URL(url).host}${cause ? ` (${cause})` : ''}`);
	}
	if (response.status === 404) return null;
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

/**
 * Downloads and installs one model.
 * @param {string} id owner/name or a bare Xenova model name
 * @param {{ endpoint?: string, log?: (line: string) => void }} [options]
 */
export async function fetchModel(
	id,
	{ endpoint = process.env.HF_ENDPOINT, log = console.log } = {}
) {
	const modelId = normaliseModelId(id);
	const target = path.join(modelsRoot, modelId);
	const staging = `${target}.download`;
	await rm(staging, { recursive: true, force: true });
	try {
		for (const file of [...MODEL_FILES, ...OPTIONAL_FILES]) {
			const url = hubFileUrl(modelId, file, endpoint ? { endpoint } : {});
			const data = await download(url);
			if (!data) {
				if (OPTIONAL_FILES.includes(file)) continue;
				throw new Error(
					`${modelId} has no ${file} (not a transformers.js model with int8 weights?)`
				);
			}
			await mkdir(path.dirname(path.join(staging, file)), { recursive: true });
			await writeFile(path.join(staging, file), data);
			log(`  ${file}  ${(data.byteLength / 1e6).toFixed(1)} MB`);
		}
		await rm(target, { recursive: true, force: true });
		await rename(staging, target);
	} finally {
		await rm(staging, { recursive: true, force: true });
	}
	writeManifest(modelsRoot, BUILT_IN);
	log(`${modelId} installed in static/models/${modelId}; choose it in Settings → Text model.`);
	return modelId;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const id = process.argv[2];
	if (!id) {
		console.error('usage: npm run models:fetch -- <model id>   (e.g. Xenova/all-MiniLM-L6-v2)');
		process.exit(2);
	}
	try {
		await fetchModel(id);
	} catch (err) {
		console.error(
			`models:fetch: could not install ${id}: ${err instanceof Error ? err.message : err}`
		);
		console.error(
			'Nothing was changed. This needs a network that reaches huggingface.co (or set HF_ENDPOINT ' +
				'to a mirror); elsewhere copy the model files into static/models/<owner>/<name>/.'
		);
		process.exit(1);
	}
}
