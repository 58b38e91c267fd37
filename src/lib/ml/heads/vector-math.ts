/**
 * Small numeric helpers the suggestion heads share: dense cosine over unit vectors, a text
 * hash for the incremental index, and weighted quantiles. Pure, allocation-light.
 */

/** Dot product; for unit vectors (what the encoder returns) this is the cosine. */
export function dot(a: Float32Array, b: Float32Array): number {
	let s = 0;
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
	return s;
}

/** Scales `v` to unit length in place (zero vectors stay zero) and returns it. */
export function normalize(v: Float32Array): Float32Array {
	let s = 0;
	for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
	if (s === 0) return v;
	const inv = 1 / Math.sqrt(s);
	for (let i = 0; i < v.length; i++) v[i] = v[i]! * inv;
	return v;
}

/** FNV-1a 32-bit hash as 8 hex digits: cheap change detection, not security. */
export function textHash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

/** Indices of the `k` largest scores, best first (ties: lower index first). */
export function topK(scores: ArrayLike<number>, k: number): number[] {
	const best: number[] = [];
	for (let i = 0; i < scores.length; i++) {
		const s = scores[i]!;
		if (best.length === k && s <= scores[best[k - 1]!]!) continue;
		// Insertion into a short sorted list beats sorting thousands of candidates per query.
		let j = Math.min(best.length, k - 1);
		while (j > 0 && scores[best[j - 1]!]! < s) j--;
		best.splice(j, 0, i);
		if (best.length > k) best.pop();
	}
	return best;
}

/** A value with how much it counts. */
export interface Weighted {
	value: number;
	weight: number;
}

/**
 * Weighted quantiles (q in 0..1) by the lower-median convention on the cumulative weight:
 * the smallest value whose cumulative weight reaches q of the total. A weighted median
 * minimises the weighted absolute error, which is why effort uses it.
 */
export function weightedQuantiles(items: readonly Weighted[], qs: readonly number[]): number[] {
	const sorted = items.filter((i) => i.weight > 0).sort((a, b) => a.value - b.value);
	const total = sorted.reduce((s, i) => s + i.weight, 0);
	if (sorted.length === 0 || total <= 0) return qs.map(() => NaN);
	return qs.map((q) => {
		const target = q * total;
		let acc = 0;
		for (const it of sorted) {
			acc += it.weight;
			// The small epsilon keeps an exact half from tipping on float rounding.
			if (acc >= target - 1e-9) return it.value;
		}
		return sorted[sorted.length - 1]!.value;
	});
}

/** Plain median of numbers (NaN for none). */
export function median(values: readonly number[]): number {
	return weightedQuantiles(
		values.map((value) => ({ value, weight: 1 })),
		[0.5]
	)[0]!;
}
