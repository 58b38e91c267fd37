/** The effort evaluation's printed table: ours beside baselines and published figures. */
import type { ErrorStats, Scored } from '../../src/lib/ml/heads/effort-tuning';
import type { PublishedMae } from './storypoints';

/** One project's results. */
export interface EvalRow {
	project: string;
	sizes: [number, number, number];
	ours: ErrorStats;
	/** Same choices, history train+val (refit after tuning; still never looks at test). */
	oursTrainVal: ErrorStats;
	median: ErrorStats;
	mean: ErrorStats;
	/** Test error of the app's fixed DEFAULT_EFFORT_PARAMS (embeddings, train history). */
	appDefault: ErrorStats;
	/** Val MAE ÷ the train median's val MAE for every grid point, app-like features. */
	appVal: Scored[];
	valMae: number;
	/** The parameters val chose, for the record. */
	chosen: string;
}

const f2 = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(2));

/** Markdown table plus the summary counts the goal is stated in. */
export function formatEvalTable(
	rows: readonly EvalRow[],
	published: Map<string, PublishedMae>
): string {
	const head =
		'| project | train/val/test | ours MAE | ours MdAE | ours MAE, train+val history | Median MAE | Median MdAE | Mean MAE | app defaults MAE | pub. Median | Deep-SE | GPT2SP | beats Median & Deep-SE | chosen on val |';
	const lines = [head, head.replace(/[^|]+/g, (c) => '-'.repeat(Math.max(3, c.length)))];
	let beatBoth = 0;
	let beatMedian = 0;
	let beatDeepSe = 0;
	let beatBothTrainVal = 0;
	for (const r of rows) {
		const p = published.get(r.project);
		const bm = r.ours.mae < r.median.mae;
		const bd = p?.deepSe != null && r.ours.mae < p.deepSe;
		if (bm) beatMedian++;
		if (bd) beatDeepSe++;
		if (bm && bd) beatBoth++;
		const tv = r.oursTrainVal.mae;
		if (tv < r.median.mae && p?.deepSe != null && tv < p.deepSe) beatBothTrainVal++;
		lines.push(
			`| ${r.project} | ${r.sizes.join('/')} | ${f2(r.ours.mae)} | ${f2(r.ours.mdae)} | ${f2(r.oursTrainVal.mae)} | ${f2(r.median.mae)} | ${f2(r.median.mdae)} | ${f2(r.mean.mae)} | ${f2(r.appDefault.mae)} | ${f2(p?.median)} | ${f2(p?.deepSe)} | ${f2(p?.gpt2sp)} | ${bm && bd ? 'yes' : 'no'} | ${r.chosen} |`
		);
	}
	const n = rows.length;
	return [
		...lines,
		'',
		`MAE below our Median baseline (train median, MAE on test): ${beatMedian}/${n}`,
		`MAE below published Deep-SE: ${beatDeepSe}/${n}`,
		`MAE below both (the goal is at least 10/16): ${beatBoth}/${n}`,
		`… with train+val as history (same val-chosen knobs, refit): ${beatBothTrainVal}/${n}`
	].join('\n');
}
