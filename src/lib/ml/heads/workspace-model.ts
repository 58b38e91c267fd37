/**
 * The trained state of one workspace's heads and the one call that asks all of them about a
 * task. "Training" is cheap by design: the embeddings live in the TaskIndex (incremental);
 * what is fitted here is the effort prior, per-person calibration and open workload, one
 * pass over the tasks, so a 10,000-task workspace retrains in milliseconds.
 */
import { assessRisk, type RiskFlag } from './risk.head';
import { suggestAssignees, type AssigneeSuggestion } from './assignee.head';
import { calibrations, type Calibration } from './calibration';
import {
	DEFAULT_EFFORT_PARAMS,
	effortPrior,
	estimateEffort,
	type EffortEstimate,
	type EffortPrior
} from './effort.head';
import { actualHours, type HeadTask, type SimilarTask, type VectorLookup } from './head-types';
import { asSimilar, nearest, type QueryTask } from './neighbours';
import { suggestPriority, type PrioritySuggestion } from './priority.head';
import { openWorkByPerson, type OpenWork } from './workload';

/** Version stamped on stored suggestions (provenance). */
export const HEADS_VERSION = 'taskflow-heads@1';

/** Everything the heads say about one task. */
export interface TaskSuggestions {
	priority: PrioritySuggestion;
	effort: EffortEstimate & { similar: SimilarTask[] };
	calibration: Calibration | null;
	assignees: AssigneeSuggestion[];
	risk: RiskFlag | null;
}

/** Fitted workspace statistics plus the task list the neighbours come from. */
export interface WorkspaceModel {
	tasks: Map<string, HeadTask>;
	prior: EffortPrior;
	calibration: Map<string, Calibration>;
	work: Map<string, OpenWork[]>;
	/** Open tasks depending on each task id. */
	openDependents: Map<string, number>;
}

/** Fits the workspace statistics from all live tasks. */
export function trainWorkspace(tasks: Iterable<HeadTask>): WorkspaceModel {
	const map = new Map<string, HeadTask>();
	const done: number[] = [];
	const openDependents = new Map<string, number>();
	for (const t of tasks) {
		map.set(t.id, t);
		const h = t.status === 'done' ? actualHours(t) : null;
		if (h !== null) done.push(h);
		if (t.status !== 'done') {
			for (const d of t.dependencies) openDependents.set(d, (openDependents.get(d) ?? 0) + 1);
		}
	}
	const prior = effortPrior(done);
	return {
		tasks: map,
		prior,
		calibration: calibrations(map.values()),
		work: openWorkByPerson(map.values(), prior.p50),
		openDependents
	};
}

/** The task (saved or a draft) a suggestion is asked for. */
export type SuggestQuery = QueryTask &
	Pick<HeadTask, 'title' | 'description' | 'due' | 'assignee' | 'estimate' | 'loggedHours'>;

/** Asks every head about `q`, whose text embeds to `qv`; `today` is YYYY-MM-DD. */
export function suggestFor(
	model: WorkspaceModel,
	q: SuggestQuery,
	qv: Float32Array,
	vectors: VectorLookup,
	members: readonly string[],
	today: string
): TaskSuggestions {
	const all = nearest(q, qv, model.tasks.values(), vectors, 40);
	const finished = all.filter((n) => n.task.status === 'done' && actualHours(n.task) !== null);
	const votes = finished.map((n) => ({ similarity: n.similarity, value: actualHours(n.task)! }));
	const effort = estimateEffort(votes, model.prior, DEFAULT_EFFORT_PARAMS);
	const calibration = q.assignee ? (model.calibration.get(q.assignee) ?? null) : null;
	const priority = suggestPriority(
		{ ...q, openDependents: (q.id && model.openDependents.get(q.id)) || 0 },
		all.slice(0, 20),
		today
	);
	const remaining = q.estimate !== null ? Math.max(0, q.estimate - q.loggedHours) : effort.p50;
	const risk = q.assignee
		? assessRisk({ id: q.id ?? '', due: q.due }, remaining, model.work.get(q.assignee) ?? [], today)
		: null;
	return {
		priority,
		effort: { ...effort, similar: finished.slice(0, 3).map(asSimilar) },
		calibration,
		assignees: suggestAssignees(all, members, model.work),
		risk
	};
}
