/**
 * The embedding index the heads read: one unit vector per task id, with the hash of the
 * text it was computed from. Updating it only re-embeds tasks whose text changed, and it
 * serialises to one small object (ids, hashes, a single Float32Array) that IndexedDB stores
 * as is, so a reload neither re-embeds nor retrains.
 */
import { textHash } from './vector-math';

/** The persisted form. `vectors` holds `ids.length × dim` floats, row by row. */
export interface SerializedIndex {
	version: 1;
	model: string;
	dim: number;
	ids: string[];
	hashes: string[];
	vectors: Float32Array;
}

/** What `plan` found: texts to embed (by id) and ids that no longer exist. */
export interface IndexPlan {
	toEmbed: { id: string; text: string; hash: string }[];
	removed: string[];
}

/** Vectors by task id for one model; changes go through plan → apply. */
export class TaskIndex {
	readonly model: string;
	readonly dim: number;
	#rows = new Map<string, { hash: string; vector: Float32Array }>();

	constructor(model: string, dim: number) {
		this.model = model;
		this.dim = dim;
	}

	get size(): number {
		return this.#rows.size;
	}

	/** The vector of a task, if embedded. */
	vector = (id: string): Float32Array | undefined => this.#rows.get(id)?.vector;

	/** Compares the current texts (all live tasks) with what is indexed. */
	plan(texts: ReadonlyMap<string, string>): IndexPlan {
		const toEmbed: IndexPlan['toEmbed'] = [];
		for (const [id, text] of texts) {
			const hash = textHash(text);
			if (this.#rows.get(id)?.hash !== hash) toEmbed.push({ id, text, hash });
		}
		const removed = [...this.#rows.keys()].filter((id) => !texts.has(id));
		return { toEmbed, removed };
	}

	/** Stores new vectors (same order as `plan.toEmbed`) and drops removed ids. */
	apply(plan: IndexPlan, vectors: readonly Float32Array[]): void {
		if (vectors.length !== plan.toEmbed.length) throw new Error('one vector per planned text');
		plan.toEmbed.forEach((e, i) => {
			const v = vectors[i]!;
			if (v.length !== this.dim) throw new Error(`expected ${this.dim}-d vectors, got ${v.length}`);
			this.#rows.set(e.id, { hash: e.hash, vector: v });
		});
		for (const id of plan.removed) this.#rows.delete(id);
	}

	/** Compact form for IndexedDB. */
	serialize(): SerializedIndex {
		const ids = [...this.#rows.keys()].sort();
		const vectors = new Float32Array(ids.length * this.dim);
		const hashes = ids.map((id, i) => {
			const row = this.#rows.get(id)!;
			vectors.set(row.vector, i * this.dim);
			return row.hash;
		});
		return { version: 1, model: this.model, dim: this.dim, ids, hashes, vectors };
	}

	/** Restores an index; null when it was made by another model or format (then rebuild). */
	static deserialize(data: SerializedIndex, model: string): TaskIndex | null {
		if (data.version !== 1 || data.model !== model) return null;
		if (data.vectors.length !== data.ids.length * data.dim) return null;
		const index = new TaskIndex(model, data.dim);
		data.ids.forEach((id, i) => {
			// subarray shares the one buffer: no per-row copies on load.
			const vector = data.vectors.subarray(i * data.dim, (i + 1) * data.dim);
			index.#rows.set(id, { hash: data.hashes[i]!, vector });
		});
		return index;
	}
}
