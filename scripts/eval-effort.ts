/**
 * `npm run eval:effort -- [folder] [--projects a,b]`: evaluates the effort head on the
 * story-point data. Per project it fits on `train`, tunes k / similarity power / prior weight
 * (and the lexical–embedding mix when the encoder is built) on `val` only, then reports
 * `test` MAE and MdAE beside Mean and Median baselines computed from train and the published
 * Deep-SE and GPT2SP figures. Prints a table and how many projects beat both the Median
 * baseline and Deep-SE. Test data never influences a choice.
 */
import path from 'node:path';
import { effortPrior, type EffortParams, type EffortVote } from '../src/lib/ml/heads/effort.head';
import {
	errorStats,
	predictAll,
	tuneEffort,
	type EvalItem
} from '../src/lib/ml/heads/effort-tuning';
import { TfIdf, sparseDot, tokenize, type SparseVector } from '../src/lib/ml/heads/lexical';
import { dot } from '../src/lib/ml/heads/vector-math';
import { loadEncoder, type Embed } from './eval/encoder';
import { formatEvalTable, type EvalRow } from './eval/eval-table';
import { projectNames, readProject, readPublished, type StoryIssue } from './eval/storypoints';

const MAX_K = 40;

interface Features {
	lex: SparseVector[];
	emb: Float32Array[] | null;
}

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

/** Votes of the nearest train issues for each query index, for one lexical weight. */
function evalItems(
	f: Features,
	queries: number[],
	train: number[],
	values: number[],
	lexWeight: number
): EvalItem[] {
	return queries.map((q) => {
		const votes: EffortVote[] = train.map((t) => {
			const lex = lexWeight > 0 ? sparseDot(f.lex[q]!, f.lex[t]!) : 0;
			const emb = lexWeight < 1 && f.emb ? Math.max(0, dot(f.emb[q]!, f.emb[t]!)) : 0;
			return { similarity: lexWeight * lex + (1 - lexWeight) * emb, value: values[t]! };
		});
		votes.sort((a, b) => b.similarity - a.similarity);
		return { votes: votes.slice(0, MAX_K), actual: values[q]! };
	});
}

/** Quartiles of the most recent `window` history values (0 = all): story sizes drift. */
function recentPrior(values: number[], history: number[], window: number) {
	const recent = window > 0 ? history.slice(-window) : history;
	return effortPrior(recent.map((n) => values[n]!));
}

const WINDOWS = [0, 200, 50];

async function evaluateProject(
	folder: string,
	project: string,
	embed: Embed | null
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

	type Best = { lexWeight: number; window: number; params: EffortParams; mae: number };
	let best: Best | null = null;
	for (const lexWeight of f.emb ? [1, 0.5, 0] : [1]) {
		const items = evalItems(f, val, train, values, lexWeight);
		for (const window of WINDOWS) {
			const tuned = tuneEffort(items, recentPrior(values, train, window));
			if (!best || tuned.mae < best.mae - 1e-12) best = { lexWeight, window, ...tuned };
		}
	}
	if (!best) throw new Error('no tuning result');
	const b = best;
	const predict = (history: number[]) =>
		predictAll(
			evalItems(f, test, history, values, b.lexWeight),
			recentPrior(values, history, b.window),
			b.params
		);
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
		valMae: b.mae,
		chosen: `k=${b.params.k} p=${b.params.power} w=${b.params.priorWeight} win=${b.window || 'all'}${f.emb ? ` lex=${b.lexWeight}` : ''}`
	};
}

/** Entry point (see scripts/run-ts.js); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
	// npm runs scripts from the package root; the bundle itself lives under node_modules.
	const root = process.cwd();
	const pIdx = argv.indexOf('--projects');
	const only = pIdx >= 0 ? new Set((argv[pIdx + 1] ?? '').split(',')) : null;
	const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--projects');
	const folder = path.resolve(positional[0] ?? path.join(root, '../shared/data/storypoints'));
	const lexicalOnly = argv.includes('--lexical');
	const embed = lexicalOnly ? null : await loadEncoder(root);
	console.log(`data: ${folder}`);
	console.log(
		embed
			? 'features: TF-IDF + encoder embeddings (taskflow/glove-100d), mix tuned on val'
			: 'features: TF-IDF only (encoder not built or --lexical)'
	);
	const published = readPublished(folder);
	const rows: EvalRow[] = [];
	for (const project of projectNames(folder)) {
		if (only && !only.has(project)) continue;
		const started = performance.now();
		rows.push(await evaluateProject(folder, project, embed));
		console.error(`  ${project} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}
	console.log(formatEvalTable(rows, published));
	return 0;
}
