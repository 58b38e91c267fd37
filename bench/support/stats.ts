/** Order statistics of one run's samples (nearest-rank percentiles). */
export interface Summary {
	n: number;
	median: number;
	p95: number;
	p98: number;
	p99: number;
	max: number;
}

/** The `p`-th percentile (0–100) of `sorted`, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
	const s = [...samples].sort((a, b) => a - b);
	return {
		n: s.length,
		median: percentile(s, 50),
		p95: percentile(s, 95),
		p98: percentile(s, 98),
		p99: percentile(s, 99),
		max: s[s.length - 1] ?? NaN
	};
}
