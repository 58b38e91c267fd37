/**
 * `npm run eval:effort -- [folder] [--projects a,b]`: evaluates the effort head on the
 * story-point data. Per project it fits on `train`, tunes k / similarity power / prior weight
 * (and the lexical–embedding mix when the encoder is built) on `val` only, then reports
 * `test` MAE and MdAE beside Mean and Median baselines computed from train and the published
 * Deep-SE and GPT2SP figures. Prints a table and how many projects beat both the Median
 * baseline and Deep-SE. Test data never influences a choice.
 */
import path from 'node:path';
import {
	DEFAULT_EFFORT_PARAMS,
	effortPrior,
	type EffortParams,
	type EffortVote
} from '../src/lib/ml/heads/effort.head';
import {
	errorStats,
	pickRobust,
	predictAll,
	scoreGrid,
	smoother,
	type EvalItem,
	type Scored
} from '../src/lib/ml/heads/effort-tuning';
import { TfIdf, tokenize } from '../src/lib/ml/heads/lexical';
import { cacheDir, cachedEmbed, modelKey } from './eval/embedding-cache';
import { MODEL_ID, loadEncoder, type Embed } from './eval/encoder';
import { neighbourVotes, type Features } from './eval/neighbour-votes';
import { formatAppDefaults } from './eval/app-defaults';
import { formatEvalTable, type EvalRow } from './eval/eval-table';
import { projectNames, readProject, readPublished, type StoryIssue } from './eval/storypoints';

const MAX_K = 40;

const text = (i: StoryIssue) => `${i.title}\n${i.description}`;

async function features(
	issues: StoryIssue[],
	train: StoryIssue[],
	embed: Embed | null
): Promise<Features> {
	// IDF from train only: the vocabulary statistics are part of what is fitted.
	const tfidf = new TfIdf();
	for (const i of train) tfidf.add(tokenize(text(i)));
	const lex = issues.map((i) => tfidf.vector(tokenize(text(i))));
	const emb = embed ? await embed(issues.map((i) => text(i).slice(0, 2000))) : null;
	return { lex, emb };
}

/** Quartiles of the most recent `window` history values (0 = all): story sizes drift. */
function recentPrior(values: number[], history: number[], window: number) {
	const recent = window > 0 ? history.slice(-window) : history;
	return effortPrior(recent.map((n) => values[n]!));
}

const WINDOWS = [0, 200, 50];
const LEX_WEIGHTS = [1, 0.5, 0];
/** Relative slack on val MAE within which the smoother settings win (see pickRobust). */
const DEFAULT_TOLERANCE = 0;

async function evaluateProject(
	folder: string,
	project: string,
	embed: Embed | null,
	tolerance: number
): Promise<EvalRow> {
	const issues = readProject(folder, project);
	const idx = (s: StoryIssue['split']) => issues.flatMap((i, n) => (i.split === s ? [n] : []));
	const [train, val, test] = [idx('train'), idx('val'), idx('test')];
	const values = issues.map((i) => i.points);
	const t0 = performance.now();
	const f = await features(
		issues,
		train.map((n) => issues[n]!),
		embed
	);
	console.error(`  ${project}: features in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
	const trainValues = train.map((n) => values[n]!);
	const mean = trainValues.reduce((s, v) => s + v, 0) / trainValues.length;
	const testActual = test.map((n) => values[n]!);

	const lexWeights = f.emb ? LEX_WEIGHTS : [1];
	const items = (votes: EffortVote[][], queries: number[]): EvalItem[] =>
		votes.map((v, n) => ({ votes: v, actual: values[queries[n]!]! }));
	const valVotes = neighbourVotes(f, val, train, values, lexWeights, MAX_K);
	type Candidate = Scored & { lexWeight: number; window: number };
	const candidates: Candidate[] = [];
	lexWeights.forEach((lexWeight, wi) => {
		for (const window of WINDOWS) {
			for (const s of scoreGrid(items(valVotes[wi]!, val), recentPrior(values, train, window))) {
				candidates.push({ ...s, lexWeight, window });
			}
		}
	});
	// Among near-ties: the smoother knobs, then the longer prior window, then embeddings.
	const b = pickRobust(
		candidates,
		tolerance,
		(x, y) =>
			smoother(x.params, y.params) ||
			WINDOWS.indexOf(x.window) - WINDOWS.indexOf(y.window) ||
			x.lexWeight - y.lexWeight
	);
	const predictWith = (history: number[], lexWeight: number, window: number, p: EffortParams) =>
		predictAll(
			items(neighbourVotes(f, test, history, values, [lexWeight], MAX_K)[0]!, test),
			recentPrior(values, history, window),
			p
		);
	const predict = (history: number[]) => predictWith(history, b.lexWeight, b.window, b.params);
	// What the app runs: embedding similarity, the whole history as prior, fixed defaults.
	const appLex = f.emb ? 0 : 1;
	const trainMedian = effortPrior(trainValues).p50;
	const valMedianMae = errorStats(
		val.map(() => trainMedian),
		val.map((n) => values[n]!)
	).mae;
	return {
		project,
		sizes: [train.length, val.length, test.length],
		ours: errorStats(predict(train), testActual),
		oursTrainVal: errorStats(predict([...train, ...val]), testActual),
		median: errorStats(
			test.map(() => effortPrior(trainValues).p50),
			testActual
		),
		mean: errorStats(
			test.map(() => mean),
			testActual
		),
		appDefault: errorStats(predictWith(train, appLex, 0, DEFAULT_EFFORT_PARAMS), testActual),
		appVal: candidates
			.filter((c) => c.lexWeight === appLex && c.window === 0)
			.map((c) => ({ params: c.params, mae: c.mae / valMedianMae })),
		valMae: b.mae,
		chosen: `k=${b.params.k} p=${b.params.power} w=${b.params.priorWeight} win=${b.window || 'all'}${f.emb ? ` lex=${b.lexWeight}` : ''}`
	};
}

/** Entry point (see scripts/run-ts.js); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
	// npm runs scripts from the package root; the bundle itself lives under node_modules.
	const root = process.cwd();
	// `--project x` reads better when running one; both take a comma list.
	const pIdx = argv.findIndex((a) => a === '--projects' || a === '--project');
	const only = pIdx >= 0 ? new Set((argv[pIdx + 1] ?? '').split(',')) : null;
	const tIdx = argv.indexOf('--tolerance');
	const tolerance = tIdx >= 0 ? Number(argv[tIdx + 1]) : DEFAULT_TOLERANCE;
	const flagValues = new Set([pIdx, tIdx].filter((i) => i >= 0).map((i) => i + 1));
	const positional = argv.filter((a, i) => !a.startsWith('--') && !flagValues.has(i));
	const folder = path.resolve(positional[0] ?? path.join(root, '../shared/data/storypoints'));
	const lexicalOnly = argv.includes('--lexical');

	const encoder = lexicalOnly ? null : await loadEncoder(root);
	const key = encoder
		? modelKey(path.join(root, 'static/models', MODEL_ID, 'onnx/model_quantized.onnx'))
		: '';
	console.log(`data: ${folder}`);
	console.log(
		encoder
			? 'features: TF-IDF + encoder embeddings (taskflow/glove-100d), mix tuned on val'
			: 'features: TF-IDF only (encoder not built or --lexical)'
	);
	const published = readPublished(folder);
	const rows: EvalRow[] = [];
	for (const project of projectNames(folder)) {
		if (only && !only.has(project)) continue;
		const started = performance.now();
		const embed = encoder && cachedEmbed(cacheDir(root), project, key, encoder);
		rows.push(await evaluateProject(folder, project, embed, tolerance));
		console.error(`  ${project} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}
	console.log(formatEvalTable(rows, published));
	console.log(formatAppDefaults(rows));
	return 0;
}
