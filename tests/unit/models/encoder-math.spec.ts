import { describe, expect, it } from 'vitest';
import {
	dominantDirection,
	quantizeRow,
	removeDirection,
	sifWeight,
	zipfProbability
} from '../../../scripts/models/encoder-math.js';

describe('zipfProbability', () => {
	it('sums to about 1 over the vocabulary and falls with rank', () => {
		const total = 10_000;
		let sum = 0;
		for (let r = 0; r < total; r++) sum += zipfProbability(r, total);
		expect(sum).toBeCloseTo(1, 4);
		expect(zipfProbability(0, total)).toBeGreaterThan(zipfProbability(1, total));
	});
});

describe('sifWeight', () => {
	it('down-weights frequent words and keeps rare ones near 1', () => {
		expect(sifWeight(0.05)).toBeLessThan(0.05);
		expect(sifWeight(1e-7)).toBeGreaterThan(0.99);
	});
});

describe('dominantDirection / removeDirection', () => {
	it('finds the shared axis and removing it leaves rows orthogonal to it', () => {
		const rows = [
			Float32Array.from([3, 1, 0]),
			Float32Array.from([3, -1, 0]),
			Float32Array.from([3, 0, 1])
		];
		const u = dominantDirection(rows, [1, 1, 1]);
		expect(Math.abs(u[0] ?? 0)).toBeGreaterThan(0.95);
		for (const row of rows) {
			const r = removeDirection(row, u);
			expect(r.reduce((s, x, i) => s + x * (u[i] ?? 0), 0)).toBeCloseTo(0, 5);
		}
	});
});

describe('quantizeRow', () => {
	it('round-trips within half a step and keeps zero rows zero', () => {
		const row = [0.5, -1.27, 0.013, 0];
		const { q, scale } = quantizeRow(row);
		expect(Math.max(...Array.from(q, Math.abs))).toBe(127);
		row.forEach((x, i) => expect(Math.abs((q[i] ?? 0) * scale - x)).toBeLessThanOrEqual(scale / 2));
		expect(quantizeRow([0, 0]).scale).toBe(0);
		expect(Array.from(quantizeRow([0, 0]).q)).toEqual([0, 0]);
	});
});
