/**
 * Nearest tasks to a query: mostly text similarity (cosine of unit embeddings), nudged by
 * shared tags and project, because a person judging "similar work" looks at those too.
 */
import type { HeadTask, SimilarTask, VectorLookup } from './head-types';
import { dot } from './vector-math';

/** The part of a task (maybe not saved yet) that similarity looks at. */
export type QueryTask = Pick<HeadTask, 'tags' | 'project'> & { id?: string };

/** One neighbour with its task. */
export interface Neighbour {
	task: HeadTask;
	similarity: number;
}

function tagOverlap(a: readonly string[], b: readonly string[]): number {
	if (a.length === 0 || b.length === 0) return 0;
	const set = new Set(a.map((t) => t.toLowerCase()));
	const shared = b.filter((t) => set.has(t.toLowerCase())).length;
	return shared / (a.length + b.length - shared);
}

/** Similarity in 0..1 of a query (task + vector) to a candidate. */
export function similarity(q: QueryTask, qv: Float32Array, c: HeadTask, cv: Float32Array): number {
	const text = Math.max(0, dot(qv, cv));
	return 0.85 * text + 0.1 * tagOverlap(q.tags, c.tags) + (q.project === c.project ? 0.05 : 0);
}

/** The `k` most similar candidates (the query itself and unembedded tasks skipped). */
export function nearest(
	q: QueryTask,
	qv: Float32Array,
	candidates: Iterable<HeadTask>,
	vectors: VectorLookup,
	k: number
): Neighbour[] {
	const out: Neighbour[] = [];
	for (const task of candidates) {
		if (task.id === q.id) continue;
		const v = vectors(task.id);
		if (v) out.push({ task, similarity: similarity(q, qv, task, v) });
	}
	out.sort((a, b) => b.similarity - a.similarity || a.task.id.localeCompare(b.task.id));
	return out.slice(0, k);
}

/** A neighbour as shown to a person. */
export function asSimilar(n: Neighbour): SimilarTask {
	return { id: n.task.id, title: n.task.title, similarity: Math.round(n.similarity * 100) / 100 };
}
