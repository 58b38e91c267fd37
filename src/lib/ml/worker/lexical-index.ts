/**
 * TF-IDF vectors of a workspace's task texts for the word half of search, rebuilt lazily:
 * the first search after a sync pays one tokenising pass, edits in between cost nothing.
 */
import { embeddingText, type HeadTask } from '../heads/head-types';
import { TfIdf, tokenize, type SparseVector } from '../heads/lexical';

/** The corpus statistics plus one vector per task id. */
export interface LexicalSnapshot {
	of(id: string): SparseVector | undefined;
	query(text: string): SparseVector;
}

export class LexicalIndex {
	#snapshot: LexicalSnapshot | null = null;

	/** Drops the vectors; the next `ensure` rebuilds them. */
	invalidate(): void {
		this.#snapshot = null;
	}

	/** The vectors of `tasks`, built now if they changed since the last call. */
	ensure(tasks: Iterable<HeadTask>): LexicalSnapshot {
		if (this.#snapshot) return this.#snapshot;
		const tfidf = new TfIdf();
		const tokens = new Map<string, string[]>();
		for (const t of tasks) {
			const words = tokenize(embeddingText(t));
			tokens.set(t.id, words);
			tfidf.add(words);
		}
		const vectors = new Map([...tokens].map(([id, words]) => [id, tfidf.vector(words)]));
		this.#snapshot = {
			of: (id) => vectors.get(id),
			query: (text) => tfidf.vector(tokenize(text))
		};
		return this.#snapshot;
	}
}
