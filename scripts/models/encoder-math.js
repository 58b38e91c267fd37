// Pure maths for the built-in sentence encoder: SIF word weights, common-direction removal and
// int8 row quantization. No I/O, so it is unit-tested (tests/unit/models/encoder-math.spec.ts).

/**
 * Zipf estimate of a word's probability from its frequency rank (0-based) in a vocabulary of
 * `total` words: p(r) = 1 / ((r + 1) · H(total)).
 * @param {number} rank
 * @param {number} total
 */
export function zipfProbability(rank, total) {
	// H(n) ≈ ln n + γ + 1/(2n), accurate to 1e-6 for the sizes used here.
	const harmonic = Math.log(total) + 0.5772156649 + 1 / (2 * total);
	return 1 / ((rank + 1) * harmonic);
}

/**
 * Smooth inverse frequency weight a / (a + p(w)) (Arora et al., 2017): frequent words such as
 * "the" count for little in a sentence's mean, rare content words count almost fully.
 * @param {number} probability
 * @param {number} [a]
 */
export function sifWeight(probability, a = 1e-3) {
	return a / (a + probability);
}

/**
 * Dominant direction (first principal component, uncentred) of the rows weighted by `weights`,
 * by power iteration. Sentence means of GloVe vectors all lean along it, so removing it makes
 * cosine similarity reflect content rather than "being English text".
 * @param {Float32Array[]} rows
 * @param {number[]} weights
 * @param {number} [iterations]
 * @returns {Float64Array} unit vector
 */
export function dominantDirection(rows, weights, iterations = 50) {
	const dims = rows[0]?.length ?? 0;
	/** @type {number[][]} */
	const cov = Array.from({ length: dims }, () => new Array(dims).fill(0));
	rows.forEach((row, r) => {
		const w = weights[r] ?? 0;
		const x = Array.from(row);
		cov.forEach((line, i) => {
			const wi = w * (x[i] ?? 0);
			x.forEach((xj, j) => (line[j] = (line[j] ?? 0) + wi * xj));
		});
	});
	let u = new Float64Array(dims).fill(1 / Math.sqrt(dims));
	for (let k = 0; k < iterations; k++) {
		const next = Float64Array.from(cov, (line) => dot(line, u));
		const norm = Math.hypot(...next) || 1;
		u = next.map((x) => x / norm);
	}
	return u;
}

/**
 * @param {ArrayLike<number>} a
 * @param {ArrayLike<number>} b
 */
function dot(a, b) {
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
	return sum;
}

/**
 * `row - (u·row) u`: the row without its component along unit vector `u`.
 * @param {Float32Array} row
 * @param {ArrayLike<number>} u
 */
export function removeDirection(row, u) {
	const along = dot(row, u);
	return row.map((x, i) => x - along * (u[i] ?? 0));
}

/**
 * Symmetric int8 quantization of one row with its own scale: row ≈ q · scale.
 * An all-zero row gets scale 0 (it stays exactly zero after dequantization).
 * @param {ArrayLike<number>} row
 * @returns {{ q: Int8Array, scale: number }}
 */
export function quantizeRow(row) {
	const values = Array.from(row);
	const scale = Math.max(0, ...values.map(Math.abs)) / 127;
	const q = Int8Array.from(values, (x) => (scale > 0 ? Math.round(x / scale) : 0));
	return { q, scale };
}
