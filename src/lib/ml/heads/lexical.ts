/**
 * Word-level features: tokenising and a TF-IDF model with sparse unit vectors. Used for the
 * lexical half of search, as a second similarity beside the encoder's, and by the effort
 * evaluation. Pure.
 */

const STOP = new Set(
	(
		'a an and are as at be but by can could do does for from has have he her his how i if in ' +
		'into is it its me my no not of on or our she should so that the their them then there ' +
		'these they this to too us was we were what when where which who will with would you your'
	).split(' ')
);

/** Lowercase word tokens without stop words; camelCase and snake_case are split. */
export function tokenize(text: string): string[] {
	const spaced = text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
	const out: string[] = [];
	for (const raw of spaced.split(/[^a-z0-9]+/)) {
		if (raw.length < 2 || STOP.has(raw)) continue;
		// A crude plural strip so "tests" meets "test"; good enough for ranking.
		out.push(raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
	}
	return out;
}

/** A sparse vector: ascending term ids with their weights, unit length. */
export interface SparseVector {
	ids: Int32Array;
	weights: Float32Array;
}

/** Cosine of two sparse unit vectors (a merge over their sorted ids). */
export function sparseDot(a: SparseVector, b: SparseVector): number {
	let i = 0;
	let j = 0;
	let s = 0;
	while (i < a.ids.length && j < b.ids.length) {
		const x = a.ids[i]!;
		const y = b.ids[j]!;
		if (x === y) s += a.weights[i++]! * b.weights[j++]!;
		else if (x < y) i++;
		else j++;
	}
	return s;
}

/** Document frequencies learned from a corpus; turns token lists into TF-IDF vectors. */
export class TfIdf {
	#ids = new Map<string, number>();
	#df: number[] = [];
	#docs = 0;

	/** Counts each document's distinct terms (call once per document of the corpus). */
	add(tokens: readonly string[]): void {
		this.#docs++;
		for (const t of new Set(tokens)) {
			let id = this.#ids.get(t);
			if (id === undefined) {
				id = this.#df.length;
				this.#ids.set(t, id);
				this.#df.push(0);
			}
			this.#df[id]!++;
		}
	}

	/** Sub-linear TF × smoothed IDF, unit length; terms the corpus never saw are dropped. */
	vector(tokens: readonly string[]): SparseVector {
		const tf = new Map<number, number>();
		for (const t of tokens) {
			const id = this.#ids.get(t);
			if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
		}
		const ids = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
		const weights = new Float32Array(ids.length);
		let norm = 0;
		ids.forEach((id, k) => {
			const w = (1 + Math.log(tf.get(id)!)) * Math.log((1 + this.#docs) / (1 + this.#df[id]!));
			weights[k] = w;
			norm += w * w;
		});
		if (norm > 0) {
			for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! / Math.sqrt(norm);
		}
		return { ids, weights };
	}
}
