/**
 * Follows one database's `_changes` feed for a worker, at least once: each batch is handed
 * to `onBatch`, and only after it has been handled can the feed's `last_seq` be stored in a
 * `_local/` checkpoint document (which never replicates; written at most once a second,
 * and on stop). A restart, a crash or a second
 * instance therefore resumes from the last handled batch and may see a batch again, never
 * skip one; handlers make that harmless with deterministic document ids.
 *
 * Long-polls with `include_docs`; a failed request or handler is retried with backoff from
 * the same `since`. `stop()` ends the wait for new changes, lets a batch in hand finish and
 * stores its checkpoint, so SIGTERM loses no work.
 */
import type { ServerScope } from 'nano';

export interface Change {
	id: string;
	seq: unknown;
	deleted?: boolean;
	doc?: { _id: string; type?: unknown; [field: string]: unknown };
}

interface ChangesResponse {
	results: Change[];
	last_seq: unknown;
	pending?: number;
}

export interface BatchInfo {
	/** Changes still waiting after this batch, if the server said (CouchDB does). */
	pending: number | null;
	/** Whether the feed has caught up (this batch was not a full page). */
	caughtUp: boolean;
}

export interface FollowerOptions {
	couch: ServerScope;
	db: string;
	/** Names the checkpoint, `_local/taskflow-<worker>`: one per worker kind. */
	worker: string;
	onBatch: (changes: Change[], info: BatchInfo) => Promise<void>;
	onError?: (err: unknown) => void;
	/** The database is gone (404): the follower has stopped for good. */
	onGone?: () => void;
	batchSize?: number;
	/** How long the server may hold a long-poll before answering empty. */
	longpollMs?: number;
	/** First and largest wait between retries. */
	retryMs?: [number, number];
	/** Least time between two checkpoint writes (the last one is written on stop). */
	checkpointEveryMs?: number;
}

const statusOf = (err: unknown) =>
	typeof err === 'object' && err !== null && 'statusCode' in err ? Number(err.statusCode) : 0;

export class ChangesFollower {
	readonly db: string;
	readonly #o: Required<Omit<FollowerOptions, 'onError' | 'onGone'>> &
		Pick<FollowerOptions, 'onError' | 'onGone'>;
	readonly #checkpointId: string;
	#checkpointRev: string | undefined;
	#since: unknown = 0;
	#stopping = false;
	#request: AbortController | null = null;
	#wake: (() => void) | null = null;
	#running: Promise<void> | null = null;
	#unsaved = false;
	#savedAt = 0;
	/** Batches handled and changes seen since start, for metrics and tests. */
	processed = 0;
	pending: number | null = null;
	caughtUp = false;

	constructor(opts: FollowerOptions) {
		this.db = opts.db;
		this.#o = {
			...opts,
			batchSize: opts.batchSize ?? 500,
			longpollMs: opts.longpollMs ?? 30_000,
			retryMs: opts.retryMs ?? [500, 30_000],
			checkpointEveryMs: opts.checkpointEveryMs ?? 1000
		};
		this.#checkpointId = `_local/taskflow-${opts.worker}`;
	}

	get since(): unknown {
		return this.#since;
	}

	start(): void {
		this.#running ??= this.#run();
	}

	/** Stops after the batch in hand (if any) is handled and checkpointed. */
	async stop(): Promise<void> {
		this.#stopping = true;
		this.#request?.abort();
		this.#wake?.();
		await this.#running;
	}

	async #run(): Promise<void> {
		let delay = 0;
		const backoff = async (err: unknown) => {
			this.#o.onError?.(err);
			const [first, max] = this.#o.retryMs;
			delay = delay ? Math.min(max, delay * 2) : first;
			await this.#sleep(delay * (0.75 + Math.random() * 0.5));
		};
		while (!this.#stopping) {
			try {
				this.#since = await this.#readCheckpoint();
				break;
			} catch (err) {
				if (this.#gone(err)) return;
				await backoff(err);
			}
		}
		delay = 0;
		while (!this.#stopping) {
			let res: ChangesResponse;
			try {
				res = await this.#changes();
				if (this.#stopping) break;
				if (!Array.isArray(res?.results)) throw new Error('_changes answered without results');
			} catch (err) {
				if (this.#stopping) break;
				if (this.#gone(err)) return;
				await backoff(err);
				continue;
			}
			const info: BatchInfo = {
				pending: typeof res.pending === 'number' ? res.pending : null,
				caughtUp: res.results.length < this.#o.batchSize
			};
			if (res.results.length) {
				try {
					await this.#o.onBatch(res.results, info);
				} catch (err) {
					await backoff(err);
					continue;
				}
			}
			this.processed += res.results.length;
			this.pending = info.pending ?? (info.caughtUp ? 0 : null);
			this.caughtUp = info.caughtUp;
			if (JSON.stringify(res.last_seq) !== JSON.stringify(this.#since)) {
				this.#since = res.last_seq;
				this.#unsaved = true;
			}
			// At most one checkpoint write per interval: replaying a second of changes after a
			// crash is harmless, a write per change is not free.
			if (this.#unsaved && Date.now() - this.#savedAt >= this.#o.checkpointEveryMs) {
				await this.#saveCheckpoint().catch((err: unknown) => this.#o.onError?.(err));
			}
			delay = 0;
		}
		if (this.#unsaved) await this.#saveCheckpoint().catch((err: unknown) => this.#o.onError?.(err));
	}

	#gone(err: unknown): boolean {
		if (statusOf(err) !== 404) return false;
		this.#stopping = true;
		this.#o.onGone?.();
		return true;
	}

	async #changes(): Promise<ChangesResponse> {
		this.#request = new AbortController();
		try {
			return (await this.#o.couch.relax({
				db: this.db,
				path: '_changes',
				method: 'GET',
				qs: {
					feed: 'longpoll',
					since: this.#since,
					limit: this.#o.batchSize,
					include_docs: true,
					timeout: this.#o.longpollMs
				},
				signal: this.#request.signal
			} as never)) as ChangesResponse;
		} finally {
			this.#request = null;
		}
	}

	async #readCheckpoint(): Promise<unknown> {
		try {
			const doc = (await this.#o.couch.use(this.db).get(this.#checkpointId)) as unknown as {
				_rev: string;
				since: unknown;
			};
			this.#checkpointRev = doc._rev;
			return doc.since;
		} catch (err) {
			if (statusOf(err) === 404 && !(await this.#dbExists())) throw err;
			if (statusOf(err) === 404) return 0;
			throw err;
		}
	}

	async #dbExists(): Promise<boolean> {
		try {
			await this.#o.couch.db.get(this.db);
			return true;
		} catch (err) {
			if (statusOf(err) === 404) return false;
			throw err;
		}
	}

	async #saveCheckpoint(): Promise<void> {
		const db = this.#o.couch.use(this.db);
		const body = { since: this.#since, at: new Date().toISOString() };
		for (let attempt = 0; ; attempt++) {
			try {
				const res = await db.insert(
					{ ...body, ...(this.#checkpointRev ? { _rev: this.#checkpointRev } : {}) },
					this.#checkpointId
				);
				this.#checkpointRev = res.rev;
				this.#unsaved = false;
				this.#savedAt = Date.now();
				return;
			} catch (err) {
				// Another instance moved it: take its revision and write ours over it.
				if (statusOf(err) !== 409 || attempt >= 3) throw err;
				const current = await db.get(this.#checkpointId).catch(() => null);
				this.#checkpointRev = current?._rev;
			}
		}
	}

	#sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(t);
				this.#wake = null;
				resolve();
			};
			const t = setTimeout(done, ms);
			this.#wake = done;
		});
	}
}
