/**
 * Possible duplicates: open tasks whose text is very close to a task being written, shown
 * before it is saved. Cosine of unit embeddings, or TF-IDF cosine when that is higher, so
 * near-identical wording counts even where the embedding is unsure.
 */
import type { HeadTask, SimilarTask, VectorLookup } from './head-types';
import { sparseDot, type SparseVector } from './lexical';
import { dot } from './vector-math';

/** Tuned by hand on generated and real titles: GloVe means sit high, so the bar is high. */
export const DUPLICATE_THRESHOLD = 0.88;

/** Options for findDuplicates. */
export interface DuplicateOptions {
	threshold?: number;
	limit?: number;
	/** Lexical vectors of the query and candidates, when the caller has them. */
	lexical?: { query: SparseVector; of: (id: string) => SparseVector | undefined };
}

/** Open (not done) tasks most similar to `qv`, best first, above the threshold. */
export function findDuplicates(
	qv: Float32Array,
	candidates: Iterable<HeadTask>,
	vectors: VectorLookup,
	opts: DuplicateOptions = {}
): SimilarTask[] {
	const threshold = opts.threshold ?? DUPLICATE_THRESHOLD;
	const out: SimilarTask[] = [];
	for (const t of candidates) {
		if (t.status === 'done') continue;
		const v = vectors(t.id);
		if (!v) continue;
		let score = dot(qv, v);
		const lq = opts.lexical?.query;
		const lc = opts.lexical?.of(t.id);
		// Near-identical wording is strong evidence even when the embedding is unsure.
		if (lq && lc) score = Math.max(score, sparseDot(lq, lc));
		if (score >= threshold) {
			out.push({ id: t.id, title: t.title, similarity: Math.round(score * 100) / 100 });
		}
	}
	out.sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
	return out.slice(0, opts.limit ?? 5);
}
