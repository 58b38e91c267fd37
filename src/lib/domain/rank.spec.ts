import { describe, expect, it } from 'vitest';
import { compareRank, rankAfterAll, rankBetween, ranksAfter } from './rank';

/** Small deterministic PRNG (mulberry32) so "random" insert positions repeat exactly. */
function seeded(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const isStrictlyAscending = (ranks: readonly string[]) =>
	ranks.every((r, i) => i === 0 || compareRank(ranks[i - 1]!, r) < 0);

describe('compareRank', () => {
	it('is plain code-unit order', () => {
		expect(compareRank('a0', 'a1')).toBeLessThan(0);
		expect(compareRank('b00', 'a1')).toBeGreaterThan(0);
		expect(compareRank('a0', 'a0')).toBe(0);
		// Uppercase sorts before lowercase in code-unit order; locale order would not.
		expect(compareRank('Zz', 'a0')).toBeLessThan(0);
	});
});

describe('rankBetween', () => {
	it('gives a first rank for an empty column', () => {
		const r = rankBetween(null, null);
		expect(r.length).toBeGreaterThan(0);
	});

	it('places a rank strictly between two neighbours', () => {
		const a = rankBetween(null, null);
		const c = rankBetween(a, null);
		const b = rankBetween(a, c);
		expect(isStrictlyAscending([a, b, c])).toBe(true);
	});

	it('places before the first and after the last with an open end', () => {
		const mid = rankBetween(null, null);
		expect(compareRank(rankBetween(null, mid), mid)).toBeLessThan(0);
		expect(compareRank(rankBetween(mid, null), mid)).toBeGreaterThan(0);
	});

	it('places after `before` when two tasks share a rank', () => {
		const shared = rankBetween(null, null);
		const r = rankBetween(shared, shared);
		expect(compareRank(r, shared)).toBeGreaterThan(0);
	});

	it('places after `before` when the neighbours are out of order', () => {
		const low = rankBetween(null, null);
		const high = rankBetween(low, null);
		const r = rankBetween(high, low);
		expect(compareRank(r, high)).toBeGreaterThan(0);
	});

	it('keeps order through many inserts at the front, the back and in between', () => {
		const random = seeded(7);
		const column: string[] = [rankBetween(null, null)];
		for (let n = 0; n < 300; n++) {
			const at = Math.floor(random() * (column.length + 1));
			const rank = rankBetween(column[at - 1] ?? null, column[at] ?? null);
			column.splice(at, 0, rank);
		}
		expect(column).toHaveLength(301);
		expect(isStrictlyAscending(column)).toBe(true);
		expect(new Set(column).size).toBe(column.length);
	});

	it('keeps order when always inserting between the same two tasks', () => {
		// Repeatedly dropping a task right after the first one is the worst case for key length.
		const first = rankBetween(null, null);
		let next = rankBetween(first, null);
		const inserted: string[] = [];
		for (let n = 0; n < 100; n++) {
			next = rankBetween(first, next);
			inserted.unshift(next);
		}
		expect(isStrictlyAscending([first, ...inserted])).toBe(true);
		// Keys must stay short enough for the task schema's 200-character limit.
		expect(Math.max(...inserted.map((r) => r.length))).toBeLessThanOrEqual(200);
	});
});

describe('rankAfterAll', () => {
	it('gives a first rank for an empty column', () => {
		expect(rankAfterAll([])).toBe(rankBetween(null, null));
	});

	it('ranks after the largest rank regardless of input order', () => {
		const a = rankBetween(null, null);
		const b = rankBetween(a, null);
		const c = rankBetween(b, null);
		const r = rankAfterAll([b, c, a]);
		expect(compareRank(r, c)).toBeGreaterThan(0);
	});

	it('keeps appends ordered', () => {
		const column: string[] = [];
		for (let n = 0; n < 50; n++) column.push(rankAfterAll(column));
		expect(isStrictlyAscending(column)).toBe(true);
	});
});

describe('ranksAfter', () => {
	it('gives n ascending ranks after `after`', () => {
		const start = rankBetween(null, null);
		const ranks = ranksAfter(start, 20);
		expect(ranks).toHaveLength(20);
		expect(isStrictlyAscending([start, ...ranks])).toBe(true);
	});

	it('starts an empty column when `after` is null', () => {
		const ranks = ranksAfter(null, 3);
		expect(ranks).toHaveLength(3);
		expect(isStrictlyAscending(ranks)).toBe(true);
	});

	it('gives nothing for n = 0', () => {
		expect(ranksAfter(null, 0)).toEqual([]);
	});
});
