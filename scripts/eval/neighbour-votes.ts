/**
 * Nearest-history votes for the effort evaluation, computed once per query: the lexical
 * and embedding similarities to every history issue are taken once and then mixed for each
 * lexical weight, keeping only the top `maxK` without sorting the whole history.
 */
import type { EffortVote } from '../../src/lib/ml/heads/effort.head';
import { sparseDot, type SparseVector } from '../../src/lib/ml/heads/lexical';
import type { HeadTask } from '../../src/lib/ml/heads/head-types';
import { similarity } from '../../src/lib/ml/heads/neighbours';
import { topK } from '../../src/lib/ml/heads/vector-math';

/** Story-point issues as the app's similarity sees them: one project, no tags. */
const ISSUE = { id: '', tags: [], project: 'p' } as unknown as HeadTask;

/** Per-issue features: TF-IDF vectors and (when the encoder is built) unit embeddings. */
export interface Features {
	lex: SparseVector[];
	emb: Float32Array[] | null;
}

/**
 * For each query index, for each lexical weight in `lexWeights`: the votes of its `maxK`
 * most similar history issues (best first). Result is indexed [weight][query].
 */
export function neighbourVotes(
	f: Features,
	queries: readonly number[],
	history: readonly number[],
	values: readonly number[],
	lexWeights: readonly number[],
	maxK: number
): EffortVote[][][] {
	const out: EffortVote[][][] = lexWeights.map(() => []);
	const lex = new Float64Array(history.length);
	const emb = new Float64Array(history.length);
	const mixed = new Float64Array(history.length);
	for (const q of queries) {
		history.forEach((t, i) => {
			lex[i] = sparseDot(f.lex[q]!, f.lex[t]!);
			// The app's similarity (same project, no tags), so tuned knobs carry over to it.
			emb[i] = f.emb ? similarity(ISSUE, f.emb[q]!, ISSUE, f.emb[t]!) : 0;
		});
		lexWeights.forEach((w, wi) => {
			for (let i = 0; i < history.length; i++) mixed[i] = w * lex[i]! + (1 - w) * emb[i]!;
			out[wi]!.push(
				topK(mixed, maxK).map((i) => ({ similarity: mixed[i]!, value: values[history[i]!]! }))
			);
		});
	}
	return out;
}
