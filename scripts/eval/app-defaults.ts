/**
 * Choosing the app's fixed effort knobs from validation data alone: the app cannot tune per
 * workspace, so it wants the grid point that does best across all projects. Each project's
 * val MAE is divided by its train-median val MAE so large-point projects do not dominate.
 */
import { DEFAULT_EFFORT_PARAMS, type EffortParams } from '../../src/lib/ml/heads/effort.head';
import type { Scored } from '../../src/lib/ml/heads/effort-tuning';
import type { EvalRow } from './eval-table';

const key = (p: EffortParams) => `k=${p.k} p=${p.power} w=${p.priorWeight}`;

/** Mean relative val MAE per grid point over the rows, best first. */
export function rankAppDefaults(rows: readonly EvalRow[]): Scored[] {
	const sums = new Map<string, Scored>();
	for (const r of rows) {
		for (const s of r.appVal) {
			const acc = sums.get(key(s.params)) ?? { params: s.params, mae: 0 };
			acc.mae += s.mae / rows.length;
			sums.set(key(s.params), acc);
		}
	}
	return [...sums.values()].sort((a, b) => a.mae - b.mae);
}

/** Lines saying which fixed knobs val prefers and how the current defaults compare. */
export function formatAppDefaults(rows: readonly EvalRow[]): string {
	const ranked = rankAppDefaults(rows);
	if (ranked.length === 0) return '';
	const current = ranked.find((s) => key(s.params) === key(DEFAULT_EFFORT_PARAMS));
	const fmt = (s: Scored) => `${key(s.params)} (val MAE ÷ median's: ${s.mae.toFixed(3)})`;
	return [
		'',
		'App defaults, chosen on val across projects (best five):',
		...ranked.slice(0, 5).map((s) => `  ${fmt(s)}`),
		current ? `current DEFAULT_EFFORT_PARAMS ${fmt(current)}` : 'current defaults are off the grid'
	].join('\n');
}
