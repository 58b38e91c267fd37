import { describe, expect, it } from 'vitest';
import { dot, median, normalize, textHash, weightedQuantiles } from './vector-math';

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
