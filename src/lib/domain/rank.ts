/**
 * Ordering within a board column by fractional indexes: a task's `rank` is a string that
 * sorts between its neighbours, so moving one task rewrites only that task and two devices
 * reordering different tasks never conflict.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

export const compareRank = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A rank strictly between `before` and `after` (either may be null for an open end). */
export function rankBetween(before: string | null, after: string | null): string {
	if (before !== null && after !== null && before >= after) {
		// Two devices can independently give tasks the same rank; place after `before`.
		return generateKeyBetween(before, null);
	}
	return generateKeyBetween(before, after);
}

/** A rank after every rank in `ranks` (for appending to a column). */
export function rankAfterAll(ranks: readonly string[]): string {
	let max: string | null = null;
	for (const r of ranks) if (max === null || r > max) max = r;
	return generateKeyBetween(max, null);
}

/** `n` ascending ranks after `after` — for bulk imports. */
export const ranksAfter = (after: string | null, n: number): string[] =>
	generateNKeysBetween(after, null, n);
