import { describe, expect, it } from 'vitest';
import { distribution, histogram, nearestRank, percentile } from './percentiles';

describe('percentile (linear between closest ranks)', () => {
	it('interpolates at rank p/100 * (n - 1)', () => {
		const s = [1, 2, 3, 4];
		expect(percentile(s, 0)).toBe(1);
		expect(percentile(s, 100)).toBe(4);
		// rank 1.5 → halfway between 2 and 3
		expect(percentile(s, 50)).toBe(2.5);
		// rank 0.75 → 1 + 0.75
		expect(percentile(s, 25)).toBe(1.75);
		// rank 2.55 → 3 + 0.55 (Excel PERCENTILE.INC({1,2,3,4}, 0.85) = 3.55)
		expect(percentile(s, 85)).toBeCloseTo(3.55, 12);
	});

	it('matches the textbook example', () => {
		// rank 0.4 * 4 = 1.6 → 20 + 0.6 * (35 - 20) = 29
		expect(percentile([15, 20, 35, 40, 50], 40)).toBeCloseTo(29, 12);
		// rank 3 exactly → the value itself
		expect(percentile([15, 20, 35, 40, 50], 75)).toBe(40);
	});

	it('returns the only value of a one-element list, NaN for an empty one', () => {
		expect(percentile([7], 0)).toBe(7);
		expect(percentile([7], 95)).toBe(7);
		expect(percentile([], 50)).toBeNaN();
	});

	it('rejects p outside [0, 100]', () => {
		expect(() => percentile([1], -1)).toThrow(RangeError);
		expect(() => percentile([1], 100.5)).toThrow(RangeError);
		expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
	});
});

describe('nearestRank', () => {
	const s = [10, 20, 30, 40, 50];

	it('takes the ceil(p/100 * n)-th smallest value', () => {
		expect(nearestRank(s, 0)).toBe(10);
		expect(nearestRank(s, 20)).toBe(10); // ceil(1) = 1st
		expect(nearestRank(s, 21)).toBe(20); // ceil(1.05) = 2nd
		expect(nearestRank(s, 50)).toBe(30); // ceil(2.5) = 3rd
		expect(nearestRank(s, 85)).toBe(50); // ceil(4.25) = 5th
		expect(nearestRank(s, 100)).toBe(50);
	});

	it('does not round a whole rank up through floating-point error', () => {
		// 0.07 * 100 = 7.000000000000001 in floating point; the 7th of 1..100 is 7.
		const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
		expect(nearestRank(hundred, 7)).toBe(7);
	});

	it('gives NaN for an empty list and rejects p outside [0, 100]', () => {
		expect(nearestRank([], 50)).toBeNaN();
		expect(() => nearestRank(s, 101)).toThrow(RangeError);
	});
});

describe('distribution', () => {
	it('summarises unsorted values without modifying them', () => {
		const values = [3, 1, 4, 1, 5, 9, 2, 6];
		const d = distribution(values);
		// sorted: 1 1 2 3 4 5 6 9, sum 31
		expect(values).toEqual([3, 1, 4, 1, 5, 9, 2, 6]);
		expect(d.count).toBe(8);
		expect(d.min).toBe(1);
		expect(d.max).toBe(9);
		expect(d.mean).toBe(3.875);
		expect(d.p50).toBe(3.5); // rank 3.5 → between 3 and 4
		expect(d.p85).toBeCloseTo(5.95, 12); // rank 5.95 → 5 + 0.95 * 1
		expect(d.p95).toBeCloseTo(7.95, 12); // rank 6.65 → 6 + 0.65 * 3
	});

	it('sorts numerically, not as strings', () => {
		expect(distribution([10, 9, 100])).toMatchObject({ min: 9, p50: 10, max: 100 });
	});

	it('is count 0 and NaN elsewhere for no values', () => {
		const d = distribution([]);
		expect(d.count).toBe(0);
		for (const k of ['min', 'p50', 'p85', 'p95', 'max', 'mean'] as const) {
			expect(d[k]).toBeNaN();
		}
	});
});

describe('histogram', () => {
	it('counts values into [from, to) bins with an open last bin', () => {
		const values = [0, 0.5, 1, 2.9, 3, 10, 100, -1, Number.NaN];
		expect(histogram(values, [0, 1, 3])).toEqual([
			{ from: 0, to: 1, count: 2 },
			{ from: 1, to: 3, count: 2 },
			{ from: 3, to: null, count: 3 }
		]);
	});

	it('returns empty bins with count 0, and no bins for no edges', () => {
		expect(histogram([], [0, 5])).toEqual([
			{ from: 0, to: 5, count: 0 },
			{ from: 5, to: null, count: 0 }
		]);
		expect(histogram([1, 2], [])).toEqual([]);
	});

	it('rejects edges that are not strictly ascending', () => {
		expect(() => histogram([1], [0, 0])).toThrow(RangeError);
		expect(() => histogram([1], [2, 1])).toThrow(RangeError);
	});
});
