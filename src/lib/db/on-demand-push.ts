/**
 * A push that runs when it has something to do: one-shot replications started whenever a
 * matching document is written on this device (and once at start), retried with back-off.
 *
 * The file lane used to push with a live, filtered replication. PouchDB's live changes feed
 * only moves its starting point past changes that pass the filter, so every local write made
 * that feed re-read every change since the last file — on a device that had just pulled a
 * workspace, all of them, once per pulled batch. A one-shot replication reads from its
 * checkpoint, which PouchDB advances past everything it scanned, matched or not.
 */
import { changeHub } from './change-hub';
import type { Db } from './pouch';

export interface OnDemandPushOptions {
	/** Which documents to push (as PouchDB's replication filter). */
	filter: (doc: { _id: string }) => boolean;
	batch_size: number;
	batches_limit: number;
	/** The next wait after a failure, given the previous one (0 at first). */
	backoff: (previousMs: number) => number;
}

export interface OnDemandPushEvents {
	/** A run started. */
	onActive(): void;
	/** A run finished and nothing is waiting. */
	onIdle(): void;
	onDocs(docs: { _id: string; _rev?: string }[]): void;
	onDenied(err: unknown): void;
	/** A run failed; another is scheduled after a back-off. */
	onError(err: unknown): void;
}

export class OnDemandPush {
	#stopped = false;
	#running = false;
	#again = false;
	#retryMs = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#unsubscribe: (() => void) | null = null;
	#current: PouchDB.Replication.Replication<object> | null = null;

	constructor(
		private readonly local: Db,
		private readonly remote: Db,
		private readonly opts: OnDemandPushOptions,
		private readonly events: OnDemandPushEvents
	) {}

	start(): void {
		void changeHub(this.local)
			.subscribe((c) => {
				if (this.opts.filter({ _id: c.id })) this.kick();
			})
			.then((unsubscribe) => {
				if (this.#stopped) unsubscribe();
				else this.#unsubscribe = unsubscribe;
			});
		this.kick();
	}

	stop(): void {
		this.#stopped = true;
		this.#unsubscribe?.();
		this.#unsubscribe = null;
		if (this.#timer) clearTimeout(this.#timer);
		this.#current?.cancel();
	}

	/** Push now, or right after the run in progress. */
	kick(): void {
		if (this.#stopped) return;
		if (this.#running) {
			this.#again = true;
			return;
		}
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		void this.#run();
	}

	async #run(): Promise<void> {
		this.#running = true;
		this.#again = false;
		this.events.onActive();
		try {
			const { filter, batch_size, batches_limit } = this.opts;
			const rep = this.local.replicate.to(this.remote, { filter, batch_size, batches_limit });
			this.#current = rep;
			void rep
				.on('change', (info) => this.events.onDocs(info.docs))
				.on('denied', (err) => this.events.onDenied(err));
			await rep;
			this.#retryMs = 0;
		} catch (err) {
			this.#running = false;
			if (this.#stopped) return;
			this.events.onError(err);
			this.#retryMs = this.opts.backoff(this.#retryMs);
			this.#timer = setTimeout(() => this.kick(), this.#retryMs);
			return;
		} finally {
			this.#current = null;
		}
		this.#running = false;
		if (this.#stopped) return;
		if (this.#again) this.kick();
		else this.events.onIdle();
	}
}
