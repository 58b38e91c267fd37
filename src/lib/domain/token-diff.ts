/**
 * Differences between two token sequences with Myers' O((N+M)·D) algorithm, D being the
 * number of tokens inserted or deleted: a small edit of a long text costs little more than
 * reading it. The work is bounded: past `maxEdits` the answer is `null` (the texts are too
 * different to merge word by word, and the caller keeps one of them whole).
 */

/** A change: `base[baseStart, baseEnd)` was replaced by `side[sideStart, sideEnd)`. */
export interface Hunk {
	baseStart: number;
	baseEnd: number;
	sideStart: number;
	sideEnd: number;
}

/** Tokens as small integers, equal tokens equal numbers (comparing numbers is cheap). */
export function internTokens(...lists: readonly (readonly string[])[]): Int32Array[] {
	const ids = new Map<string, number>();
	return lists.map((list) =>
		Int32Array.from(list, (t) => {
			let id = ids.get(t);
			if (id === undefined) ids.set(t, (id = ids.size));
			return id;
		})
	);
}

/** The hunks that turn `base` into `side`, in order, or null past `maxEdits`. */
export function diffTokens(base: Int32Array, side: Int32Array, maxEdits: number): Hunk[] | null {
	// Common ends cost nothing to skip, and are most of a typical edit.
	let start = 0;
	while (start < base.length && start < side.length && base[start] === side[start]) start++;
	let endB = base.length;
	let endS = side.length;
	while (endB > start && endS > start && base[endB - 1] === side[endS - 1]) {
		endB--;
		endS--;
	}
	const a = base.subarray(start, endB);
	const b = side.subarray(start, endS);
	const script = myers(a, b, maxEdits);
	if (!script) return null;
	return script.map((h) => ({
		baseStart: h.baseStart + start,
		baseEnd: h.baseEnd + start,
		sideStart: h.sideStart + start,
		sideEnd: h.sideEnd + start
	}));
}

/** Myers' greedy shortest edit script, kept per step for the walk back. */
function myers(a: Int32Array, b: Int32Array, maxEdits: number): Hunk[] | null {
	const n = a.length;
	const m = b.length;
	if (n === 0 && m === 0) return [];
	if (n === 0 || m === 0) return [{ baseStart: 0, baseEnd: n, sideStart: 0, sideEnd: m }];
	const limit = Math.min(n + m, maxEdits);
	const offset = limit + 1;
	const v = new Int32Array(2 * limit + 3);
	const trace: Int32Array[] = [];
	for (let d = 0; d <= limit; d++) {
		for (let k = -d; k <= d; k += 2) {
			let x =
				k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
					? v[offset + k + 1]!
					: v[offset + k - 1]! + 1;
			let y = x - k;
			while (x < n && y < m && a[x] === b[y]) {
				x++;
				y++;
			}
			v[offset + k] = x;
			if (x >= n && y >= m) {
				trace.push(v.slice(offset - d - 1, offset + d + 2));
				return walkBack(trace, n, m);
			}
		}
		trace.push(v.slice(offset - d - 1, offset + d + 2));
	}
	return null;
}

/** The edit script from the saved fronts, as hunks of consecutive deletions/insertions. */
function walkBack(trace: Int32Array[], n: number, m: number): Hunk[] {
	// trace[d][i] holds step d's furthest x on diagonal k = i - d - 1.
	const at = (d: number, k: number) => trace[d]![k + d + 1]!;
	const hunks: Hunk[] = [];
	let x = n;
	let y = m;
	for (let d = trace.length - 1; d > 0; d--) {
		const k = x - y;
		const inserted = k === -d || (k !== d && at(d - 1, k - 1) < at(d - 1, k + 1));
		const prevK = inserted ? k + 1 : k - 1;
		x = at(d - 1, prevK);
		y = x - prevK;
		// From (x, y) one token of `b` was inserted or one of `a` deleted, then equal tokens.
		addEdit(hunks, x, y, inserted);
	}
	return hunks.reverse();
}

/** Adds one inserted or deleted token in front of the hunks (built back to front). */
function addEdit(hunks: Hunk[], x: number, y: number, inserted: boolean): void {
	const last = hunks[hunks.length - 1];
	const hunk: Hunk = inserted
		? { baseStart: x, baseEnd: x, sideStart: y, sideEnd: y + 1 }
		: { baseStart: x, baseEnd: x + 1, sideStart: y, sideEnd: y };
	if (last && last.baseStart === hunk.baseEnd && last.sideStart === hunk.sideEnd) {
		last.baseStart = hunk.baseStart;
		last.sideStart = hunk.sideStart;
	} else {
		hunks.push(hunk);
	}
}
