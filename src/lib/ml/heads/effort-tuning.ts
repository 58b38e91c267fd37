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

/** A grid point with its validation MAE. */
export interface Scored {
	params: EffortParams;
	mae: number;
}

/** Every grid point's MAE on `items`, in grid order. */
export function scoreGrid(
	items: readonly EvalItem[],
	prior: EffortPrior,
	grid = EFFORT_GRID
): Scored[] {
	const actual = items.map((i) => i.actual);
	const out: Scored[] = [];
	for (const k of grid.k) {
		for (const power of grid.power) {
			for (const priorWeight of grid.priorWeight) {
				const params = { k, power, priorWeight };
				out.push({ params, mae: errorStats(predictAll(items, prior, params), actual).mae });
			}
		}
	}
	return out;
}

/**
 * Smoother settings first: more prior weight, then more neighbours, then flatter weights.
 * Negative when `a` is smoother than `b`.
 */
export function smoother(a: EffortParams, b: EffortParams): number {
	return b.priorWeight - a.priorWeight || b.k - a.k || a.power - b.power;
}

/**
 * The smoothest candidate whose validation MAE is within `tolerance` (relative) of the best.
 * Validation sets are small (70–900 items), so a grid point that wins by a hair mostly wins
 * by noise; preferring the smoothest near-winner (the "one standard error" habit) transfers
 * to new data better. Stable: among equals the earlier candidate wins.
 */
export function pickRobust<T extends Scored>(
	candidates: readonly T[],
	tolerance: number,
	order: (a: T, b: T) => number = (a, b) => smoother(a.params, b.params)
): T {
	if (candidates.length === 0) throw new Error('pickRobust needs candidates');
	const best = Math.min(...candidates.map((c) => c.mae));
	const near = candidates.filter((c) => c.mae <= best * (1 + tolerance) + 1e-12);
	return near.reduce((p, c) => (order(c, p) < 0 ? c : p));
}

/** The best parameters on `items` by MAE (ties go to the earlier grid point) and that MAE. */
export function tuneEffort(
	items: readonly EvalItem[],
	prior: EffortPrior,
	grid = EFFORT_GRID
): Scored {
	const scored = scoreGrid(items, prior, grid);
	if (scored.length === 0) throw new Error('tuneEffort needs a non-empty grid');
	return pickRobust(scored, 0, () => 0);
}
