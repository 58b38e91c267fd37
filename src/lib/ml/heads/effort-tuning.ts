/**
 * Evaluation helpers for the effort head: error metrics and a grid search of its knobs on
 * validation items whose neighbour lists are precomputed. Pure; scripts/eval-effort.ts
 * feeds it the story-point data.
 */
import {
	estimateEffort,
	type EffortParams,
	type EffortPrior,
	type EffortVote
} from './effort.head';
import { median } from './vector-math';

/** An item to predict: its neighbours in the history (best first) and the true value. */
export interface EvalItem {
	votes: readonly EffortVote[];
	actual: number;
}

/** Mean and median absolute error. */
export interface ErrorStats {
	mae: number;
	mdae: number;
}

/** MAE and MdAE of predictions against actual values (same order). */
export function errorStats(predicted: readonly number[], actual: readonly number[]): ErrorStats {
	const errs = predicted.map((p, i) => Math.abs(p - actual[i]!));
	return { mae: errs.reduce((s, e) => s + e, 0) / errs.length, mdae: median(errs) };
}

/** Predicts the weighted median (P50) for each item. */
export function predictAll(
	items: readonly EvalItem[],
	prior: EffortPrior,
	params: EffortParams
): number[] {
	return items.map((it) => estimateEffort(it.votes, prior, params).p50);
}

/** The grid searched; small enough to run per project in seconds. */
export const EFFORT_GRID = {
	k: [3, 5, 10, 20, 40],
	power: [0, 1, 2, 4, 8],
	priorWeight: [0, 0.03, 0.1, 0.3, 1, 3]
};

/** The best parameters on `items` by MAE (ties go to the earlier grid point) and that MAE. */
export function tuneEffort(
	items: readonly EvalItem[],
	prior: EffortPrior,
	grid = EFFORT_GRID
): { params: EffortParams; mae: number } {
	const actual = items.map((i) => i.actual);
	let best: { params: EffortParams; mae: number } | null = null;
	for (const k of grid.k) {
		for (const power of grid.power) {
			for (const priorWeight of grid.priorWeight) {
				const params = { k, power, priorWeight };
				const { mae } = errorStats(predictAll(items, prior, params), actual);
				if (!best || mae < best.mae - 1e-12) best = { params, mae };
			}
		}
	}
	if (!best) throw new Error('tuneEffort needs a non-empty grid');
	return best;
}
