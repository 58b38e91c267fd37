/**
 * A small seeded pseudo-random number generator, so that simulations (the Monte Carlo
 * forecast) give the same answer every time they run on the same data: charts do not jitter
 * on re-render and tests can pin exact numbers. Not for anything security-related.
 */

/**
 * A mulberry32 generator: each call returns the next float in [0, 1), fully determined by
 * `seed`. The seed is taken as an unsigned 32-bit integer (`seed >>> 0`), so fractions are
 * truncated, negatives wrap around and `NaN` acts as 0. Generators do not share state.
 */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
