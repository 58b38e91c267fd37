/**
 * Search that ranks by meaning as well as words: a blend of TF-IDF cosine (exact words)
 * and embedding cosine (meaning). Words win ties so an exact match stays on top.
 */
import { sparseDot, type SparseVector } from './lexical';
import { dot } from './vector-math';

/** A searchable item: its id and both representations. */
export interface SearchDoc {
	id: string;
	lexical: SparseVector;
	vector: Float32Array | undefined;
}

/** One ranked hit with its parts, so the UI can say "matched by meaning". */
export interface SearchHit {
	id: string;
	score: number;
	lexical: number;
	semantic: number;
}

/** Ranks docs for a query; `meaning` in 0..1 is the weight of the embedding side. */
export function semanticSearch(
	query: { lexical: SparseVector; vector: Float32Array | undefined },
	docs: Iterable<SearchDoc>,
	opts: { meaning?: number; limit?: number; minScore?: number } = {}
): SearchHit[] {
	const meaning = opts.meaning ?? 0.5;
	const hits: SearchHit[] = [];
	for (const d of docs) {
		const lexical = sparseDot(query.lexical, d.lexical);
		// Embedding cosines of unrelated text are rarely below ~0.5, so rescale that range away.
		const raw = query.vector && d.vector ? dot(query.vector, d.vector) : 0;
		const semantic = Math.max(0, (raw - 0.5) / 0.5);
		const score = (1 - meaning) * lexical + meaning * semantic;
		if (score > (opts.minScore ?? 0.05)) hits.push({ id: d.id, score, lexical, semantic });
	}
	hits.sort((a, b) => b.score - a.score || b.lexical - a.lexical || a.id.localeCompare(b.id));
	return hits.slice(0, opts.limit ?? 50);
}
