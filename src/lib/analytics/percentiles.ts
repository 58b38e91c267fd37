/**
 * Order statistics for charts and reports (cycle-time percentiles, throughput spread).
 * Pure functions over plain number arrays; callers pass finite numbers.
 */

/** Summary of a sample: what a cycle-time or lead-time report shows next to its chart. */
export type Distribution = {
	count: number;
	min: number;
	p50: number;
	p85: number;
	p95: number;
	max: number;
	mean: number;
};

/** One histogram bar: values in `[from, to)`; the last bar has `to: null` (no upper bound). */
export type HistogramBin = { from: number; to: number | null; count: number };

function checkP(p: number): void {
	if (!(p >= 0 && p <= 100)) throw new RangeError(`Percentile out of range [0, 100]: ${p}`);
}

/**
 * The `p`th percentile (0–100) of an ascending list, interpolating linearly between the
 * closest ranks: rank `p/100 * (n - 1)` (numpy's default, Excel's PERCENTILE.INC). Gives a
 * smooth value for continuous data such as durations. NaN for an empty list; throws a
 * RangeError for `p` outside [0, 100]. The list must already be sorted.
 */
export function percentile(sorted: readonly number[], p: number): number {
	checkP(p);
	if (sorted.length === 0) return Number.NaN;
	const rank = (p * (sorted.length - 1)) / 100;
	const lo = Math.floor(rank);
	const low = sorted[lo] as number;
	const frac = rank - lo;
	if (frac === 0) return low;
	return low + frac * ((sorted[lo + 1] as number) - low);
}

/**
 * The `p`th percentile (0–100) of an ascending list by the nearest-rank method: the
 * `ceil(p/100 * n)`-th smallest value (the smallest for p = 0). Always one of the values,
 * so whole-number data (weeks, counts) gives whole-number answers. NaN for an empty list;
 * throws a RangeError for `p` outside [0, 100].
 */
export function nearestRank(sorted: readonly number[], p: number): number {
	checkP(p);
	if (sorted.length === 0) return Number.NaN;
	// p * n first: (p / 100) * n can land a hair above a whole number and round up a rank.
	const k = Math.max(1, Math.ceil((p * sorted.length) / 100));
	return sorted[k - 1] as number;
}

/**
 * Count, extremes, mean and the 50th/85th/95th percentiles (interpolated, see
 * `percentile`) of `values`, in any order; the input is not modified. For an empty list
 * `count` is 0 and everything else NaN, so a report can show "no data" without special cases.
 */
export function distribution(values: readonly number[]): Distribution {
	const sorted = [...values].sort((a, b) => a - b);
	const n = sorted.length;
	if (n === 0) {
		const nan = Number.NaN;
		return { count: 0, min: nan, p50: nan, p85: nan, p95: nan, max: nan, mean: nan };
	}
	let sum = 0;
	for (const v of sorted) sum += v;
	return {
		count: n,
		min: sorted[0] as number,
		p50: percentile(sorted, 50),
		p85: percentile(sorted, 85),
		p95: percentile(sorted, 95),
		max: sorted[n - 1] as number,
		mean: sum / n
	};
}

/**
 * Counts `values` into bins given by their ascending lower edges: bin i holds
 * `bins[i] <= v < bins[i + 1]`, and the last bin is open-ended (`to: null`) so outliers
 * still show up. Values below the first edge (and NaN) are not counted. Every bin is returned, empty
 * ones with count 0. Throws a RangeError if the edges are not strictly ascending.
 */
export function histogram(values: readonly number[], bins: readonly number[]): HistogramBin[] {
	for (let i = 1; i < bins.length; i++) {
		if (!((bins[i] as number) > (bins[i - 1] as number))) {
			throw new RangeError(`Histogram edges must be strictly ascending: ${bins.join(', ')}`);
		}
	}
	const out: HistogramBin[] = bins.map((from, i) => ({ from, to: bins[i + 1] ?? null, count: 0 }));
	for (const v of values) {
		if (Number.isNaN(v)) continue;
		// The last edge not above v; bins are few, so a linear scan is fine.
		let i = bins.length - 1;
		while (i >= 0 && (bins[i] as number) > v) i--;
		if (i >= 0) (out[i] as HistogramBin).count++;
	}
	return out;
}
