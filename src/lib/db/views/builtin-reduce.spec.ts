import { describe, expect, it } from 'vitest';
import { builtinReducer, sumValues } from './builtin-reduce';

describe('built-in reduces', () => {
	it('sums numbers and arrays of numbers element-wise, like CouchDB', () => {
		expect(sumValues([1, 2, 3])).toBe(6);
		expect(sumValues([[1, 0], [2, 5], [3]])).toEqual([6, 5]);
		expect(sumValues([4, [1, 2]])).toEqual([5, 2]);
		expect(() => sumValues(['x'])).toThrow(/_sum/);
	});

	it('counts rows, and adds counts on rereduce', () => {
		const count = builtinReducer('_count');
		expect(count(null, [7, 8, 9], false)).toBe(3);
		expect(count(null, [3, 4], true)).toBe(7);
	});

	it('computes and combines stats', () => {
		const stats = builtinReducer('_stats');
		const a = stats(null, [2, 4], false);
		expect(a).toEqual({ sum: 6, count: 2, min: 2, max: 4, sumsqr: 20 });
		const b = stats(null, [10], false);
		expect(stats(null, [a, b], true)).toEqual({ sum: 16, count: 3, min: 2, max: 10, sumsqr: 120 });
	});

	it('refuses custom JavaScript reduces', () => {
		expect(() => builtinReducer('function (k, v) { return 1; }')).toThrow(/built-in/);
	});
});
