/**
 * The worker's workspace engines, by index key, each behind a queue so a sync and the questions
 * asked after it run in order. Only a few stay in memory: switching workspaces or models
 * evicts the least recently used (its index stays in IndexedDB).
 */
import { UNKNOWN_INDEX, type IndexRef } from '../ml-protocol';
import { WorkspaceEngine, type IndexStore } from './workspace-engine';

const KEEP = 3;

/** An engine and the tail of its work queue. */
export class QueuedEngine {
	readonly engine: WorkspaceEngine;
	#tail: Promise<unknown> = Promise.resolve();

	constructor(engine: WorkspaceEngine) {
		this.engine = engine;
	}

	/** Runs `job` after everything queued before it. */
	run<T>(job: (e: WorkspaceEngine) => Promise<T>): Promise<T> {
		const next = this.#tail.then(() => job(this.engine));
		this.#tail = next.catch(() => undefined);
		return next;
	}

	/** Like `run`, failing when the engine has never been synced (e.g. a restarted worker). */
	read<T>(job: (e: WorkspaceEngine) => Promise<T>): Promise<T> {
		return this.run((e) => (e.synced ? job(e) : Promise.reject(new Error(UNKNOWN_INDEX))));
	}
}

const engines = new Map<string, QueuedEngine>();

/** The engine for `ref.key` and model, created (empty) when missing. */
export function engineFor(ref: IndexRef, store: IndexStore): QueuedEngine {
	let q = engines.get(ref.key);
	if (q && q.engine.modelId !== ref.modelId) q = undefined;
	if (q) engines.delete(ref.key);
	else q = new QueuedEngine(new WorkspaceEngine(ref.key, ref.modelId, store));
	// Re-inserting keeps the Map in least-recently-used order.
	engines.set(ref.key, q);
	for (const key of engines.keys()) {
		if (engines.size <= KEEP) break;
		engines.delete(key);
	}
	return q;
}
