/**
 * One workspace's suggestion state, as the ML worker holds it: the tasks (as HeadTasks), their
 * embedding index and the fitted heads. Syncs apply changed tasks only: changed text is
 * re-embedded, then the workspace statistics are refitted (one pass, milliseconds for 10,000
 * tasks). The index is restored from and saved to a store (IndexedDB in the worker), so a
 * reload neither re-embeds nor retrains. No DOM, no PouchDB: the bench and tests run it too.
 */
import { findDuplicates } from '../heads/duplicates.head';
import { embeddingText, type HeadTask, type SimilarTask } from '../heads/head-types';
import { tokenize } from '../heads/lexical';
import { semanticSearch, type SearchHit } from '../heads/semantic-search';
import { TaskIndex, type SerializedIndex } from '../heads/task-index';
import { suggestFor, trainWorkspace, type TaskSuggestions } from '../heads/workspace-model';
import { UNKNOWN_INDEX, type DraftText, type SyncPayload, type SyncResult } from '../ml-protocol';
import { LexicalIndex } from './lexical-index';

/** Embeds texts into unit vectors, one per text, in order. */
export type Embed = (texts: string[]) => Promise<Float32Array[]>;

/** Where indexes persist (IndexedDB in the worker, memory in tests). */
export interface IndexStore {
	load(key: string): Promise<SerializedIndex | null>;
	/** Stores the index; `snapshot` may be called later (stores may batch quick edits). */
	save(key: string, snapshot: () => SerializedIndex): void;
}

/** Texts per embed call: keeps each ONNX run (and its memory) small on big first syncs. */
const EMBED_BATCH = 256;

export class WorkspaceEngine {
	readonly key: string;
	readonly modelId: string;
	#store: IndexStore;
	#tasks = new Map<string, HeadTask>();
	#index: TaskIndex | null = null;
	#model = trainWorkspace([]);
	#lexical = new LexicalIndex();
	#synced = false;

	constructor(key: string, modelId: string, store: IndexStore) {
		this.key = key;
		this.modelId = modelId;
		this.#store = store;
	}

	/** Whether a full sync has been applied (deltas need one first). */
	get synced(): boolean {
		return this.#synced;
	}

	/** Applies changed and removed tasks, embeds changed text, refits; saves a changed index. */
	async sync(change: Omit<SyncPayload, 'key' | 'modelId' | 'modelsUrl'>, embed: Embed) {
		// A delta means nothing to an engine that never saw the full set (a restarted worker).
		if (!change.full && !this.#synced) throw new Error(UNKNOWN_INDEX);
		const started = performance.now();
		let restored = false;
		if (!this.#index) {
			const stored = await this.#store.load(this.key);
			this.#index = (stored && TaskIndex.deserialize(stored, this.modelId)) ?? null;
			restored = this.#index !== null;
		}
		if (change.full) this.#tasks.clear();
		for (const id of change.removed) this.#tasks.delete(id);
		for (const t of change.upsert) this.#tasks.set(t.id, t);
		const texts = new Map([...this.#tasks.values()].map((t) => [t.id, embeddingText(t)]));
		const plan = (this.#index ?? new TaskIndex(this.modelId, 0)).plan(texts);
		const vectors: Float32Array[] = [];
		for (let i = 0; i < plan.toEmbed.length; i += EMBED_BATCH) {
			vectors.push(...(await embed(plan.toEmbed.slice(i, i + EMBED_BATCH).map((e) => e.text))));
		}
		// An empty workspace's index has no dimension yet; the first vectors give it one.
		const reuse = this.#index && (this.#index.dim > 0 || vectors.length === 0);
		const index = reuse ? this.#index! : new TaskIndex(this.modelId, vectors[0]?.length ?? 0);
		index.apply(plan, vectors);
		this.#index = index;
		if (vectors.length || plan.removed.length) this.#store.save(this.key, () => index.serialize());
		this.#model = trainWorkspace(this.#tasks.values());
		this.#lexical.invalidate();
		this.#synced = true;
		const result: SyncResult = {
			size: index.size,
			embedded: vectors.length,
			restored,
			ms: performance.now() - started
		};
		return result;
	}

	/** Every head's suggestion for `task` (its stored copy when synced, for logged hours). */
	async suggest(task: HeadTask, members: readonly string[], today: string, embed: Embed) {
		const q = this.#tasks.get(task.id) ?? task;
		const qv = this.#vector(q.id) ?? (await embed([embeddingText(q)]))[0]!;
		const out: TaskSuggestions = suggestFor(this.#model, q, qv, this.#vector, members, today);
		return out;
	}

	/** Open tasks that look like the draft. */
	async duplicates(draft: DraftText, embed: Embed): Promise<SimilarTask[]> {
		if (!draft.title.trim()) return [];
		const [qv] = await embed([embeddingText(draft)]);
		return findDuplicates(qv!, this.#tasks.values(), this.#vector);
	}

	/** Tasks (of `project`, if given) ranked by words and meaning; exact words stay on top. */
	async search(query: string, embed: Embed, project?: string, limit = 50): Promise<SearchHit[]> {
		if (!tokenize(query).length) return [];
		const [vector] = await embed([query]);
		const lexical = this.#lexical.ensure(this.#tasks.values());
		const docs = [...this.#tasks.values()]
			.filter((t) => !project || t.project === project)
			.map((t) => ({ id: t.id, lexical: lexical.of(t.id)!, vector: this.#vector(t.id) }));
		const hits = semanticSearch({ lexical: lexical.query(query), vector }, docs, {
			limit: Infinity
		});
		return hits.filter((h) => h.lexical > 0 || h.semantic >= MEANING_MIN).slice(0, limit);
	}

	#vector = (id: string | undefined) => (id ? this.#index?.vector(id) : undefined);
}

/**
 * Rescaled embedding similarity (see semanticSearch) a task needs to match by meaning alone:
 * a cosine of 0.65. Paraphrase pairs of task titles score 0.62–0.87 with the built-in
 * encoder, unrelated titles mostly below 0.55 (tests/integration/ml-search.test.ts).
 */
export const MEANING_MIN = 0.3;
