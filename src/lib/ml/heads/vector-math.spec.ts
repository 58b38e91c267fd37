import { describe, expect, it } from 'vitest';
import { dot, median, normalize, textHash, topK, weightedQuantiles } from './vector-math';

describe('weightedQuantiles', () => {
	it('gives plain quartiles for equal weights', () => {
		const items = [1, 2, 3, 4, 5, 6, 7, 8].map((value) => ({ value, weight: 1 }));
		expect(weightedQuantiles(items, [0.25, 0.5, 0.75])).toEqual([2, 4, 6]);
	});
	it('lets heavy items pull the median', () => {
		const items = [
			{ value: 1, weight: 1 },
			{ value: 10, weight: 5 },
			{ value: 2, weight: 1 }
		];
		expect(weightedQuantiles(items, [0.5])).toEqual([10]);
	});
	it('is NaN with nothing to weigh', () => {
		expect(weightedQuantiles([{ value: 3, weight: 0 }], [0.5])[0]).toBeNaN();
		expect(median([])).toBeNaN();
	});
});

describe('vectors and hashes', () => {
	it('normalises to unit length so dot is the cosine', () => {
		const v = normalize(Float32Array.from([3, 4]));
		expect(dot(v, v)).toBeCloseTo(1, 6);
		expect(Array.from(v)).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
	});
	it('hashes text stably and tells changes apart', () => {
		expect(textHash('Fix login')).toBe(textHash('Fix login'));
		expect(textHash('Fix login')).not.toBe(textHash('Fix logout'));
		expect(textHash('')).toMatch(/^[0-9a-f]{8}$/);
	});
});

describe('topK', () => {
	it('gives the indices of the largest scores, best first, ties by index', () => {
		const scores = [0.1, 0.9, 0.5, 0.9, 0.3, 0.7];
		expect(topK(scores, 3)).toEqual([1, 3, 5]);
		expect(topK(scores, 1)).toEqual([1]);
		expect(topK(scores, 10)).toEqual([1, 3, 5, 2, 4, 0]);
		expect(topK([], 3)).toEqual([]);
	});
	it('matches a full sort on random scores', () => {
		let x = 7;
		const scores = Array.from(
			{ length: 500 },
			() => ((x = (x * 48271) % 2147483647) % 1000) / 1000
		);
		const sorted = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || a.i - b.i);
		expect(topK(scores, 40)).toEqual(sorted.slice(0, 40).map((e) => e.i));
	});
});
