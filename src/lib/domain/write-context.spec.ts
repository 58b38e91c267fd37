import { describe, expect, it } from 'vitest';
import { sameValue } from './write-context';

describe('sameValue', () => {
	it.each<[unknown, unknown]>([
		[1, 1],
		['a', 'a'],
		[null, null],
		[true, true],
		[[], []],
		[
			['a', 'b'],
			['a', 'b']
		],
		[{}, {}],
		[
			{ a: 1, b: [1, { c: null }] },
			{ b: [1, { c: null }], a: 1 }
		]
	])('treats %j and %j as equal', (a, b) => {
		expect(sameValue(a, b)).toBe(true);
	});

	it.each<[unknown, unknown]>([
		[1, 2],
		[1, '1'],
		[null, undefined],
		[null, {}],
		[0, null],
		['', null],
		[
			['a', 'b'],
			['b', 'a']
		],
		[['a'], ['a', 'b']],
		[{ a: 1 }, { a: 2 }],
		[{ a: 1 }, { a: 1, b: 2 }],
		[{ a: [1] }, { a: [2] }],
		[[], {}],
		[['x'], { 0: 'x' }]
	])('treats %j and %j as different', (a, b) => {
		expect(sameValue(a, b)).toBe(false);
		expect(sameValue(b, a)).toBe(false);
	});
});
