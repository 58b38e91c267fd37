/**
 * Priority suggestion: a similarity-weighted vote of the priorities people set on similar
 * tasks in this workspace, moved by the signals a person would use (urgency words, due
 * proximity, tasks it blocks). The result carries a confidence and its reasons; applying it
 * is always a person's click.
 */
import { PRIORITIES, type Priority } from '../../domain/schemas/task.schema';
import type { SimilarTask } from './head-types';
import { asSimilar, type Neighbour } from './neighbours';
import { blockingSignal, dueSignal, wordSignals, type PrioritySignal } from './priority-signals';

/** What the head needs about the task it suggests for. */
export interface PriorityQuery {
	title: string;
	description: string;
	due: string | null;
	/** Open tasks that depend on this one. */
	openDependents: number;
}

/** A suggested priority. */
export interface PrioritySuggestion {
	value: Priority;
	/** 0..1. */
	confidence: number;
	reasons: string[];
	similar: SimilarTask[];
}

/** Prior vote when nothing similar exists: most tasks are "medium". */
const PRIOR: Record<Priority, number> = { low: 0.2, medium: 0.5, high: 0.2, urgent: 0.1 };

/** Suggests a priority from neighbours (best first, any status) and signals on `today`. */
export function suggestPriority(
	q: PriorityQuery,
	neighbours: readonly Neighbour[],
	today: string
): PrioritySuggestion {
	const votes = { ...PRIOR };
	let evidence = 0;
	for (const n of neighbours) {
		const w = Math.max(0, n.similarity) ** 4;
		votes[n.task.priority] += w;
		evidence += w;
	}
	const total = PRIORITIES.reduce((s, p) => s + votes[p], 0);
	// Expected level on the 0..3 scale, then the signals move it.
	const expected = PRIORITIES.reduce((s, p, i) => s + (votes[p] / total) * i, 0);
	const signals = [
		...wordSignals(`${q.title}\n${q.description}`),
		dueSignal(q.due, today),
		blockingSignal(q.openDependents)
	].filter((s): s is PrioritySignal => s !== null);
	const shift = signals.reduce((s, x) => s + x.shift, 0);
	const level = Math.min(3, Math.max(0, Math.round(expected + shift)));
	const value = PRIORITIES[level]!;

	const reasons: string[] = [];
	const agreeing = neighbours.filter((n) => n.task.priority === value && n.similarity > 0.5);
	if (agreeing.length) {
		reasons.push(
			`${agreeing.length} similar task${agreeing.length === 1 ? ' was' : 's were'} ${value}: “${agreeing[0]!.task.title}”`
		);
	} else if (evidence === 0) {
		reasons.push('No similar tasks yet; starting from the usual “medium”');
	}
	reasons.push(...signals.map((s) => s.reason));

	// Confidence grows with the evidence behind the chosen level and with agreeing signals.
	const share = votes[value] / total;
	const signalSupport = Math.min(1, Math.abs(shift) / 2);
	const confidence = Math.min(
		0.95,
		0.5 * share + 0.3 * (evidence / (evidence + 1)) + 0.2 * signalSupport
	);
	return {
		value,
		confidence: Math.round(confidence * 100) / 100,
		reasons,
		similar: neighbours.slice(0, 3).map(asSimilar)
	};
}
