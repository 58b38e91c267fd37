import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTokens, internTokens, type Hunk } from './token-diff';

/** Applies hunks to `base`, taking inserted tokens from `side`. */
function apply(base: Int32Array, side: Int32Array, hunks: Hunk[]): number[] {
	const out: number[] = [];
	let pos = 0;
	for (const h of hunks) {
		out.push(...base.subarray(pos, h.baseStart), ...side.subarray(h.sideStart, h.sideEnd));
		pos = h.baseEnd;
	}
	out.push(...base.subarray(pos));
	return out;
}

/** Longest common subsequence by dynamic programming: the reference for minimality. */
function lcs(a: Int32Array, b: Int32Array): number {
	const row = new Array<number>(b.length + 1).fill(0);
	for (let i = 1; i <= a.length; i++) {
		let diag = 0;
		for (let j = 1; j <= b.length; j++) {
			const up = row[j]!;
			row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
			diag = up;
		}
	}
	return row[b.length]!;
}

const edited = (h: Hunk[]) =>
	h.reduce((n, x) => n + x.baseEnd - x.baseStart + x.sideEnd - x.sideStart, 0);

describe('diffTokens', () => {
	it('finds a shortest edit script that turns one sequence into the other', () => {
		const seq = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ' '), { maxLength: 40 });
		fc.assert(
			fc.property(seq, seq, (x, y) => {
				const [a, b] = internTokens(x, y) as [Int32Array, Int32Array];
				const hunks = diffTokens(a, b, 1000)!;
				expect(apply(a, b, hunks)).toEqual([...b]);
				expect(edited(hunks)).toBe(a.length + b.length - 2 * lcs(a, b));
				// In order, not overlapping, each one a change.
				for (let i = 1; i < hunks.length; i++) {
					expect(hunks[i]!.baseStart).toBeGreaterThan(hunks[i - 1]!.baseEnd - 1);
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('gives up past the bound instead of working on', () => {
		const [a, b] = internTokens(
			Array.from({ length: 500 }, (_, i) => `a${i}`),
			Array.from({ length: 500 }, (_, i) => `b${i}`)
		) as [Int32Array, Int32Array];
		expect(diffTokens(a, b, 100)).toBeNull();
		expect(diffTokens(a, b, 1000)).toEqual([
			{ baseStart: 0, baseEnd: 500, sideStart: 0, sideEnd: 500 }
		]);
	});
});
