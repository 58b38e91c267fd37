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

/** Jaccard overlap of a query's (lower-cased) tag set with a candidate's tags. */
function tagOverlap(query: ReadonlySet<string>, b: readonly string[]): number {
	if (query.size === 0 || b.length === 0) return 0;
	const shared = b.filter((t) => query.has(t.toLowerCase())).length;
	return shared / (query.size + b.length - shared);
}

const lowerTags = (tags: readonly string[]) => new Set(tags.map((t) => t.toLowerCase()));

/** Similarity in 0..1 of a query (task + vector) to a candidate. */
export function similarity(q: QueryTask, qv: Float32Array, c: HeadTask, cv: Float32Array): number {
	return scored(q, lowerTags(q.tags), qv, c, cv);
}

function scored(
	q: QueryTask,
	tags: ReadonlySet<string>,
	qv: Float32Array,
	c: HeadTask,
	cv: Float32Array
): number {
	const text = Math.max(0, dot(qv, cv));
	return 0.85 * text + 0.1 * tagOverlap(tags, c.tags) + (q.project === c.project ? 0.05 : 0);
}

const better = (a: Neighbour, b: Neighbour) =>
	b.similarity - a.similarity || a.task.id.localeCompare(b.task.id);

/** The `k` most similar candidates (the query itself and unembedded tasks skipped). */
export function nearest(
	q: QueryTask,
	qv: Float32Array,
	candidates: Iterable<HeadTask>,
	vectors: VectorLookup,
	k: number
): Neighbour[] {
	const tags = lowerTags(q.tags);
	// Keeps the best k in order as it goes: a 10,000-task workspace is never sorted whole.
	const out: Neighbour[] = [];
	for (const task of candidates) {
		if (task.id === q.id) continue;
		const v = vectors(task.id);
		if (!v) continue;
		const n = { task, similarity: scored(q, tags, qv, task, v) };
		if (out.length === k && better(n, out[k - 1]!) >= 0) continue;
		let at = out.length;
		while (at > 0 && better(n, out[at - 1]!) < 0) at--;
		out.splice(at, 0, n);
		if (out.length > k) out.pop();
	}
	return out;
}

/** A neighbour as shown to a person. */
export function asSimilar(n: Neighbour): SimilarTask {
	return { id: n.task.id, title: n.task.title, similarity: Math.round(n.similarity * 100) / 100 };
}
