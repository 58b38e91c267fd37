/**
 * The built-in encoder package (static/models/taskflow/glove-100d, built by the global setup
 * like `npm run build` does) loads offline in Node through transformers.js and ranks paraphrases
 * of task titles above unrelated tasks.
 */
import { describe, expect, it } from 'vitest';
import { loadEncoderNode } from '../../src/lib/ml/load-encoder-node';
import { cosine } from '../../src/lib/ml/ml-models';
import { PARAPHRASES } from '../support/ml-paraphrases';

describe('built-in text encoder (Node)', () => {
	it('loads from local files only and embeds into 100-d unit vectors', async () => {
		const embed = await loadEncoderNode();
		const [a, b, empty] = await embed(['Fix the login crash', 'Order printer toner', '']);
		expect(a).toHaveLength(100);
		expect(Math.hypot(...(a ?? []))).toBeCloseTo(1, 4);
		expect(Math.hypot(...(b ?? []))).toBeCloseTo(1, 4);
		expect(empty?.every((x) => x === 0)).toBe(true);
	});

	it('puts each paraphrase closer to its pair than to every unrelated task', async () => {
		const embed = await loadEncoderNode();
		const vectors = await embed(PARAPHRASES.flat());
		const pairs = PARAPHRASES.map((_, i) => [vectors[2 * i] ?? [], vectors[2 * i + 1] ?? []]);
		pairs.forEach(([a, b], i) => {
			const paired = cosine(a ?? [], b ?? []);
			pairs.forEach(([c, d], j) => {
				if (i === j) return;
				expect(paired, `${PARAPHRASES[i]?.[0]} vs ${PARAPHRASES[j]?.[0]}`).toBeGreaterThan(
					Math.max(cosine(a ?? [], c ?? []), cosine(a ?? [], d ?? []))
				);
			});
		});
	});
});
