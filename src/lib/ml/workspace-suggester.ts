/**
 * Suggestions for the open workspace: keeps the embedding index in step with the tasks
 * (only changed text is re-embedded, in the ML worker), refits the heads, and answers
 * "what do you suggest for this task" and "is this a duplicate". The index persists in
 * IndexedDB. Everything here is optional: when the model cannot load, callers show the
 * error and the rest of the app works as before.
 */
import type { Task } from '$lib/domain/schemas/task.schema';
import { todayLocal } from '$lib/domain/local-date';
import { minutesByTask } from '$lib/db/time.queries';
import type { WorkspaceSession } from '$lib/db/workspace-session.svelte';
import { findDuplicates } from './heads/duplicates.head';
import { embeddingText, type HeadTask, type SimilarTask } from './heads/head-types';
import { TaskIndex } from './heads/task-index';
import {
	suggestFor,
	trainWorkspace,
	type TaskSuggestions,
	type WorkspaceModel
} from './heads/workspace-model';
import { loadIndex, saveIndex } from './index-persist';
import { encoder } from './ml-client-store.svelte';

function headTask(t: Task, minutes: Map<string, number>): HeadTask {
	return {
		id: t._id,
		title: t.title,
		description: t.description,
		tags: t.tags,
		project: t.project,
		assignee: t.assignee,
		status: t.status,
		priority: t.priority,
		estimate: t.estimate,
		loggedHours: (minutes.get(t._id) ?? 0) / 60,
		due: t.due,
		dependencies: t.dependencies
	};
}

/** What a draft (a task not saved yet) looks like to the heads. */
export type Draft = Pick<Task, 'title' | 'description' | 'tags' | 'project'>;

export class WorkspaceSuggester {
	#session: WorkspaceSession;
	#index: TaskIndex | null = null;
	#model: WorkspaceModel | null = null;
	#refreshing: Promise<void> | null = null;
	#trainedMs: number | null = null;

	constructor(session: WorkspaceSession) {
		this.#session = session;
	}

	/** How long the last refresh took (embedding changed tasks plus refitting), in ms. */
	get trainedMs(): number | null {
		return this.#trainedMs;
	}

	/** Brings index and model up to date; concurrent callers share one refresh. */
	refresh(): Promise<void> {
		this.#refreshing ??= this.#refresh().finally(() => (this.#refreshing = null));
		return this.#refreshing;
	}

	async #refresh(): Promise<void> {
		const started = performance.now();
		const modelId = encoder.modelId;
		const key = `${this.#session.dbName}|${modelId}`;
		if (!this.#index || this.#index.model !== modelId) {
			const stored = await loadIndex(key);
			this.#index = (stored && TaskIndex.deserialize(stored, modelId)) ?? null;
		}
		// Logged time only refines effort; a view not built yet (fresh device) must not stop the rest.
		const minutes = await minutesByTask(this.#session.db).catch(() => new Map<string, number>());
		const tasks = [...this.#session.tasks.values()]
			.filter((t) => !t.deletedAt)
			.map((t) => headTask(t, minutes));
		const texts = new Map(tasks.map((t) => [t.id, embeddingText(t)]));
		const plan = (this.#index ?? new TaskIndex(modelId, 0)).plan(texts);
		if (!this.#index || plan.toEmbed.length || plan.removed.length) {
			const vectors: Float32Array[] = [];
			// Batches keep each worker round trip short, so a first index of a big workspace
			// does not hold one huge message.
			for (let i = 0; i < plan.toEmbed.length; i += 256) {
				const batch = plan.toEmbed.slice(i, i + 256).map((e) => e.text);
				vectors.push(...(await encoder.embed(batch)));
			}
			// An empty workspace's index has no dimension yet; the first vectors give it one.
			const reuse = this.#index && (this.#index.dim > 0 || vectors.length === 0);
			const index = reuse ? this.#index! : new TaskIndex(modelId, vectors[0]?.length ?? 0);
			index.apply(plan, vectors);
			this.#index = index;
			if (vectors.length || plan.removed.length) void saveIndex(key, index.serialize());
		}
		this.#model = trainWorkspace(tasks);
		this.#trainedMs = Math.round(performance.now() - started);
	}

	/** Every head's suggestion for a saved task. */
	async suggest(task: Task, members: readonly string[]): Promise<TaskSuggestions> {
		await this.refresh();
		const index = this.#index!;
		const q = this.#model!.tasks.get(task._id) ?? headTask(task, new Map());
		const qv = index.vector(task._id) ?? (await encoder.embed([embeddingText(q)]))[0]!;
		return suggestFor(this.#model!, q, qv, index.vector, members, todayLocal());
	}

	/** Open tasks that look like the draft. */
	async duplicates(draft: Draft): Promise<SimilarTask[]> {
		if (!draft.title.trim()) return [];
		await this.refresh();
		const [qv] = await encoder.embed([embeddingText(draft)]);
		return findDuplicates(qv!, this.#model!.tasks.values(), this.#index!.vector);
	}
}

const suggesters = new WeakMap<WorkspaceSession, WorkspaceSuggester>();

/** The suggester of a workspace session (one per session). */
export function suggesterFor(session: WorkspaceSession): WorkspaceSuggester {
	let s = suggesters.get(session);
	if (!s) suggesters.set(session, (s = new WorkspaceSuggester(session)));
	return s;
}
