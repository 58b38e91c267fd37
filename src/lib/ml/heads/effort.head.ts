/**
 * Effort estimate: similarity-weighted quantiles of what similar finished tasks really took,
 * shrunk toward a prior (the workspace's typical task, or a fixed cold-start guess when it
 * has too little history). The weighted median minimises absolute error; P25–P75 is the
 * range shown. The same core serves the story-point evaluation (scripts/eval-effort.ts).
 */
import { weightedQuantiles, type Weighted } from './vector-math';

/** Knobs tuned on validation data by the evaluation. */
export interface EffortParams {
	/** How many nearest finished tasks vote. */
	k: number;
	/** Vote weight is similarity^power: higher trusts the closest more. */
	power: number;
	/** Weight of the prior, in units of one perfectly similar neighbour. */
	priorWeight: number;
}

/**
 * The app's fixed knobs: the grid point with the lowest validation MAE (relative to the
 * train median's) averaged over the 16 story-point projects with embedding similarity, as
 * `npm run eval:effort` prints it. Many weakly similar votes with sharp weights plus a firm
 * prior beat few neighbours: text alone says little about size, so the estimate should move
 * off the typical task only when many close matches agree.
 */
export const DEFAULT_EFFORT_PARAMS: EffortParams = { k: 40, power: 4, priorWeight: 3 };

/** A typical effort: quartiles in hours. */
export interface EffortPrior {
	p25: number;
	p50: number;
	p75: number;
}

/** What a workspace with fewer than MIN_HISTORY finished tasks gets: "about half a day". */
export const COLD_START_PRIOR: EffortPrior = { p25: 2, p50: 4, p75: 8 };
const MIN_HISTORY = 5;

/** Quartiles of finished tasks' hours, or the cold-start prior when there are too few. */
export function effortPrior(values: readonly number[]): EffortPrior {
	if (values.length < MIN_HISTORY) return COLD_START_PRIOR;
	const [p25, p50, p75] = weightedQuantiles(
		values.map((value) => ({ value, weight: 1 })),
		[0.25, 0.5, 0.75]
	);
	return { p25: p25!, p50: p50!, p75: p75! };
}

/** A neighbour's vote: its similarity and the hours it took. */
export interface EffortVote {
	similarity: number;
	value: number;
}

/** An effort estimate with its range and how much history stands behind it. */
export interface EffortEstimate {
	p25: number;
	p50: number;
	p75: number;
	/** 0..1: share of the evidence that came from similar tasks rather than the prior. */
	confidence: number;
	basis: 'history' | 'prior';
}

/** Combines the votes of the nearest tasks (best first) with the prior. */
export function estimateEffort(
	votes: readonly EffortVote[],
	prior: EffortPrior,
	params: EffortParams = DEFAULT_EFFORT_PARAMS
): EffortEstimate {
	const items: Weighted[] = votes
		.slice(0, params.k)
		.map((v) => ({ value: v.value, weight: Math.max(0, v.similarity) ** params.power }));
	const evidence = items.reduce((s, i) => s + i.weight, 0);
	// The prior enters as its three quartiles so it widens the range as well as pulling the
	// middle; with no neighbours the estimate is exactly the prior.
	const w = params.priorWeight / 3;
	if (w > 0) {
		items.push(
			{ value: prior.p25, weight: w },
			{ value: prior.p50, weight: w },
			{ value: prior.p75, weight: w }
		);
	}
	if (evidence === 0) return { ...prior, confidence: 0, basis: 'prior' };
	const [p25, p50, p75] = weightedQuantiles(items, [0.25, 0.5, 0.75]);
	const confidence = evidence / (evidence + params.priorWeight + 1);
	return { p25: p25!, p50: p50!, p75: p75!, confidence: round2(confidence), basis: 'history' };
}

function round2(x: number): number {
	return Math.round(x * 100) / 100;
}
