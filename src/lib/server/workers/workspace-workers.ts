/**
 * Runs one worker over every workspace database: finds the `tf-ws-*` databases with
 * `_all_dbs` (again every `discoverMs`, so new workspaces are picked up and deleted ones
 * dropped), follows each one's `_changes` with its own checkpoint, and calls `tick` on a
 * timer for work that depends on the clock (a new day, a due date passing).
 */
import type { ServerScope } from 'nano';
import { ChangesFollower, type BatchInfo, type Change } from './changes-follower';

export const WORKSPACE_DB = /^tf-ws-[a-z0-9]+$/;

export interface WorkspaceWorker {
	/** Names the checkpoint and the metrics. */
	readonly name: string;
	/** Handles one batch of one workspace's changes; throw to have it retried. */
	onBatch(db: string, changes: Change[], info: BatchInfo): Promise<void>;
	/** Called every `tickMs`, and when databases are found, with the ones being followed. */
	tick?(dbs: readonly string[]): Promise<void>;
	/** A workspace database went away. */
	onDropped?(db: string): void;
	/** Finish deferred work; called by `stop()` once the followers have stopped. */
	flush?(): Promise<void>;
}

export interface WorkerStatus {
	name: string;
	running: boolean;
	databases: number;
	/** Changes known to be waiting, summed over databases (null where unknown). */
	pending: number;
	caughtUp: boolean;
	changesSeen: number;
	errors: number;
	lastError: string | null;
	lastErrorAt: string | null;
}

export interface WorkspaceWorkersOptions {
	couch: ServerScope;
	worker: WorkspaceWorker;
	discoverMs?: number;
	tickMs?: number;
	batchSize?: number;
	longpollMs?: number;
	/** Follow only the workspace databases this accepts (e.g. to split work between hosts). */
	filter?: (db: string) => boolean;
	log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: object) => void;
}

export class WorkspaceWorkers {
	readonly #o: WorkspaceWorkersOptions;
	readonly #followers = new Map<string, ChangesFollower>();
	#timers: NodeJS.Timeout[] = [];
	#running = false;
	#discovering: Promise<void> | null = null;
	#ticking: Promise<void> | null = null;
	#errors = 0;
	#lastError: string | null = null;
	#lastErrorAt: string | null = null;

	constructor(opts: WorkspaceWorkersOptions) {
		this.#o = opts;
	}

	get name(): string {
		return this.#o.worker.name;
	}

	/** Finds the workspaces and starts following them; resolves once discovery has run. */
	async start(): Promise<void> {
		if (this.#running) return;
		this.#running = true;
		await this.discover();
		this.#timers.push(
			setInterval(() => void this.discover(), this.#o.discoverMs ?? 5000),
			setInterval(() => void this.tick(), this.#o.tickMs ?? 60_000)
		);
		for (const t of this.#timers) t.unref();
	}

	/** Stops every follower after its batch in hand, with checkpoints written. */
	async stop(): Promise<void> {
		this.#running = false;
		for (const t of this.#timers) clearInterval(t);
		this.#timers = [];
		await Promise.all([this.#discovering, this.#ticking]);
		await Promise.all([...this.#followers.values()].map((f) => f.stop()));
		this.#followers.clear();
		await this.#o.worker.flush?.();
	}

	/** Follows databases that appeared and lets go of those that vanished. */
	discover(): Promise<void> {
		this.#discovering ??= this.#discover().finally(() => (this.#discovering = null));
		return this.#discovering;
	}

	/** Runs the worker's clock-driven work now (also on its timer). */
	tick(): Promise<void> {
		const worker = this.#o.worker;
		if (!worker.tick || !this.#running) return Promise.resolve();
		this.#ticking ??= worker
			.tick([...this.#followers.keys()])
			.catch((err: unknown) => this.#failed(err, 'tick'))
			.finally(() => (this.#ticking = null));
		return this.#ticking;
	}

	status(): WorkerStatus {
		const followers = [...this.#followers.values()];
		return {
			name: this.name,
			running: this.#running,
			databases: followers.length,
			pending: followers.reduce((n, f) => n + (f.pending ?? 0), 0),
			caughtUp: followers.every((f) => f.caughtUp),
			changesSeen: followers.reduce((n, f) => n + f.processed, 0),
			errors: this.#errors,
			lastError: this.#lastError,
			lastErrorAt: this.#lastErrorAt
		};
	}

	/** Resolves once every followed database has caught up (for tests and the bench). */
	async idle(pollMs = 20): Promise<void> {
		for (;;) {
			await this.#discovering;
			const all = [...this.#followers.values()];
			if (all.every((f) => f.caughtUp)) return;
			await new Promise((r) => setTimeout(r, pollMs));
		}
	}

	async #discover(): Promise<void> {
		let names: string[];
		try {
			const accept = this.#o.filter ?? (() => true);
			names = (await this.#o.couch.db.list()).filter((n) => WORKSPACE_DB.test(n) && accept(n));
		} catch (err) {
			this.#failed(err, 'listing databases');
			return;
		}
		if (!this.#running) return;
		const present = new Set(names);
		const added = names.filter((db) => !this.#followers.has(db));
		for (const db of added) this.#follow(db);
		for (const [db, f] of this.#followers) {
			if (!present.has(db)) void this.#drop(db, f);
		}
		// New databases get their clock-driven work now, not at the next tick: their checkpoint
		// may be ahead of this process (another instance handled the changes).
		if (added.length) void this.tick();
	}

	#follow(db: string): void {
		const worker = this.#o.worker;
		const follower: ChangesFollower = new ChangesFollower({
			couch: this.#o.couch,
			db,
			worker: worker.name,
			batchSize: this.#o.batchSize,
			longpollMs: this.#o.longpollMs,
			onBatch: (changes, info) => worker.onBatch(db, changes, info),
			onError: (err) => this.#failed(err, db),
			onGone: () => void this.#drop(db, follower)
		});
		this.#followers.set(db, follower);
		follower.start();
	}

	async #drop(db: string, f: ChangesFollower): Promise<void> {
		if (this.#followers.get(db) !== f) return;
		this.#followers.delete(db);
		await f.stop();
		this.#o.worker.onDropped?.(db);
	}

	#failed(err: unknown, where: string): void {
		this.#errors++;
		this.#lastError = `${where}: ${err instanceof Error ? err.message : String(err)}`;
		this.#lastErrorAt = new Date().toISOString();
		this.#o.log?.('warn', `${this.name} worker: ${this.#lastError}`);
	}
}
