/**
 * Suggestions for the open workspace. The index and the heads live in the ML worker
 * (worker/workspace-engine.ts); this main-thread side only sends the tasks that changed since
 * the last sync and asks questions, so embedding, refitting, neighbour and duplicate search
 * never run on the UI thread. Everything here is optional: when the model cannot load,
 * callers show the error and the rest of the app works as before.
 */
import type { Task } from '$lib/domain/schemas/task.schema';
import { todayLocal } from '$lib/domain/local-date';
import { minutesByTask } from '$lib/db/time.queries';
import type { WorkspaceSession } from '$lib/db/workspace-session.svelte';
import { headTask } from './head-task';
import type { HeadTask, SimilarTask } from './heads/head-types';
import type { SearchHit } from './heads/semantic-search';
import type { TaskSuggestions } from './heads/workspace-model';
import { encoder } from './ml-client-store.svelte';
import { UNKNOWN_INDEX, type SyncResult } from './ml-protocol';

/** What a draft (a task not saved yet) looks like to the heads. */
export type Draft = Pick<Task, 'title' | 'description' | 'tags' | 'project'>;

export class WorkspaceSuggester {
	#session: WorkspaceSession;
	/** What the worker holds for the current key: task id → JSON of the HeadTask sent. */
	#sent = new Map<string, string>();
	#key = '';
	#refreshing: Promise<void> | null = null;
	#last: SyncResult | null = null;

	constructor(session: WorkspaceSession) {
		this.#session = session;
	}

	/** The last sync as the worker reported it (time spent embedding and refitting). */
	get lastSync(): SyncResult | null {
		return this.#last;
	}

	/** Brings the worker's index and heads up to date; concurrent callers share one refresh. */
	refresh(): Promise<void> {
		this.#refreshing ??= this.#sync().finally(() => (this.#refreshing = null));
		return this.#refreshing;
	}

	async #sync(retry = true): Promise<void> {
		const key = `${this.#session.dbName}|${encoder.modelId}`;
		if (key !== this.#key) this.#sent.clear();
		// Logged time only refines effort; a view not built yet (fresh device) must not stop the rest.
		const minutes = await minutesByTask(this.#session.db).catch(() => new Map<string, number>());
		const full = this.#sent.size === 0;
		const upsert: HeadTask[] = [];
		const seen = new Set<string>();
		for (const t of this.#session.tasks.values()) {
			if (t.deletedAt) continue;
			const h = headTask(t, minutes);
			const json = JSON.stringify(h);
			seen.add(h.id);
			if (this.#sent.get(h.id) !== json) upsert.push(h);
		}
		const removed = [...this.#sent.keys()].filter((id) => !seen.has(id));
		if (!full && !upsert.length && !removed.length) return;
		try {
			this.#last = await encoder.request('index.sync', { key, full, upsert, removed });
		} catch (err) {
			// The worker restarted (or switched) and lost the index: send everything once more.
			if (retry && err instanceof Error && err.message === UNKNOWN_INDEX) {
				this.#sent.clear();
				return this.#sync(false);
			}
			this.#sent.clear();
			throw err;
		}
		this.#key = key;
		for (const id of removed) this.#sent.delete(id);
		for (const h of upsert) this.#sent.set(h.id, JSON.stringify(h));
	}

	/** Asks the worker, resyncing everything once if it lost the index meanwhile. */
	async #ask<T>(question: (key: string) => Promise<T>): Promise<T> {
		await this.refresh();
		try {
			return await question(this.#key);
		} catch (err) {
			if (!(err instanceof Error) || err.message !== UNKNOWN_INDEX) throw err;
			this.#sent.clear();
			await this.refresh();
			return question(this.#key);
		}
	}

	/** Every head's suggestion for a saved task. */
	suggest(task: Task, members: readonly string[]): Promise<TaskSuggestions> {
		const payload = { task: headTask(task, new Map()), members: [...members], today: todayLocal() };
		return this.#ask((key) => encoder.request('suggest', { key, ...payload }));
	}

	/** Open tasks that look like the draft. */
	async duplicates(draft: Draft): Promise<SimilarTask[]> {
		if (!draft.title.trim()) return [];
		const text = { title: draft.title, description: draft.description, tags: [...draft.tags] };
		const payload = { draft: { ...text, project: draft.project } };
		return this.#ask((key) => encoder.request('duplicates', { key, ...payload }));
	}

	/** Tasks of `project` ranked by words and meaning, best first. */
	search(query: string, project: string): Promise<SearchHit[]> {
		return this.#ask((key) => encoder.request('search', { key, query, project }));
	}
}

const suggesters = new WeakMap<WorkspaceSession, WorkspaceSuggester>();

/** The suggester of a workspace session (one per session). */
export function suggesterFor(session: WorkspaceSession): WorkspaceSuggester {
	let s = suggesters.get(session);
	if (!s) suggesters.set(session, (s = new WorkspaceSuggester(session)));
	return s;
}
