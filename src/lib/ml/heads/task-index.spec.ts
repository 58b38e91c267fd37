import { describe, expect, it } from 'vitest';
import { TaskIndex } from './task-index';

const vec = (...xs: number[]) => Float32Array.from(xs);

describe('TaskIndex', () => {
	it('embeds only new or changed text and drops removed tasks', () => {
		const index = new TaskIndex('m', 2);
		const first = index.plan(
			new Map([
				['a', 'one'],
				['b', 'two']
			])
		);
		expect(first.toEmbed.map((e) => e.id)).toEqual(['a', 'b']);
		index.apply(first, [vec(1, 0), vec(0, 1)]);

		const second = index.plan(
			new Map([
				['a', 'one'],
				['b', 'two, edited'],
				['c', 'three']
			])
		);
		expect(second.toEmbed.map((e) => e.id)).toEqual(['b', 'c']);
		expect(second.removed).toEqual([]);
		index.apply(second, [vec(0.6, 0.8), vec(1, 0)]);

		const third = index.plan(
			new Map([
				['b', 'two, edited'],
				['c', 'three']
			])
		);
		expect(third).toEqual({ toEmbed: [], removed: ['a'] });
		index.apply(third, []);
		expect(index.size).toBe(2);
		expect(index.vector('a')).toBeUndefined();
		expect(Array.from(index.vector('b')!)).toEqual([
			expect.closeTo(0.6, 6),
			expect.closeTo(0.8, 6)
		]);
	});

	it('refuses vectors of the wrong size', () => {
		const index = new TaskIndex('m', 2);
		expect(() => index.apply(index.plan(new Map([['a', 'x']])), [vec(1, 0, 0)])).toThrow(/2-d/);
	});

	it('round-trips through its compact form and rejects another model', () => {
		const index = new TaskIndex('m', 2);
		index.apply(
			index.plan(
				new Map([
					['b', 'two'],
					['a', 'one']
				])
			),
			[vec(0, 1), vec(1, 0)]
		);
		const data = index.serialize();
		expect(data.ids).toEqual(['a', 'b']);
		expect(Array.from(data.vectors)).toEqual([1, 0, 0, 1]);
		const back = TaskIndex.deserialize(structuredClone(data), 'm')!;
		expect(Array.from(back.vector('b')!)).toEqual([0, 1]);
		expect(
			back.plan(
				new Map([
					['a', 'one'],
					['b', 'two']
				])
			).toEmbed
		).toEqual([]);
		expect(TaskIndex.deserialize(data, 'other-model')).toBeNull();
	});
});
