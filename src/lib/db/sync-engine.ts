/**
 * Live two-way replication between one local database and its server copy, turned into a
 * simple state for the UI. Framework-free: the sync manager makes it reactive and decides
 * which tab runs it.
 *
 * Retry is PouchDB's (`retry: true`) with our own back-off capped at 10 s, so a device that
 * comes back after days offline or a server that restarts resumes quickly; the browser's
 * `online` event restarts at once instead of waiting for the back-off. 401/403 stop the
 * loop: retrying a session that expired or a membership that was removed only spams.
 *
 * Workspace databases replicate in two lanes. Files live on `attachment:` documents, and a
 * replication batch only completes when every document in it has arrived, so one big photo
 * on a slow link would otherwise hold up the tasks and comments queued behind it. The main
 * lane moves everything else in batches of 500 (server-side filter `taskflow/docs`); the
 * file lane moves attachment documents two at a time (`taskflow/attachments`), so it only
 * ever waits on files. The cost is one more long-poll connection per open workspace (three
 * with the user database, of the ~six a browser allows per host). Both lanes feed the same
 * pending count, and the state is idle only when both are.
 *
 * Checkpoints stay on both sides for pulls and pushes alike. Keeping pull checkpoints on the
 * device only would save two round trips per batch, but a server database restored from a
 * backup into a fresh database restarts its sequence numbers, and a device-only checkpoint
 * would then skip the restored documents numbered below it; the missing server copy is what
 * makes PouchDB start over.
 */
import { OnDemandPush } from './on-demand-push';
import { PendingTracker } from './pending-tracker';
import { errorMessage, errorStatus, type Db } from './pouch';

export type SyncPhase =
	'starting' | 'offline' | 'syncing' | 'idle' | 'retrying' | 'unauthorized' | 'stopped';

export interface SyncSnapshot {
	phase: SyncPhase;
	/** Local changes not yet confirmed on the server. */
	pending: number;
	/** ISO time the last time both directions were caught up. */
	lastSyncedAt: string | null;
	/** Last error, human-readable. */
	error: string | null;
	/** Documents the server refused (validation or permission), newest first. */
	denied: { id: string; reason: string }[];
}

const MAX_BACKOFF_MS = 10_000;
/** Documents per main-lane batch: fewer per-batch round trips when a fresh device catches up. */
const MAIN_BATCH = 500;
const MAX_DENIED_KEPT = 20;
const RESUME_AFTER_HIDDEN_MS = 30_000;

/** Doubling back-off with jitter, from 1 s up to 10 s. */
export function nextBackoff(previousMs: number, random: () => number = Math.random): number {
	const base = previousMs <= 0 ? 1000 : Math.min(previousMs * 2, MAX_BACKOFF_MS);
	return Math.round(base * (0.8 + random() * 0.4));
}

/** Whether a local document belongs on the server (local index definitions do not). */
export const isSyncedDoc = (doc: { _id: string }): boolean => !doc._id.startsWith('_design/');

/** Whether a document carries files and so goes in the file lane. */
export const isAttachmentDoc = (doc: { _id: string }): boolean => doc._id.startsWith('attachment:');

type Handler = PouchDB.Replication.Sync<object> | PouchDB.Replication.Replication<object>;
type LaneOptions = PouchDB.Replication.SyncOptions;

/**
 * The live replications to run: one lane, or — for workspace databases, whose design document
 * has the `taskflow/docs` and `taskflow/attachments` filters — a main lane and the file
 * lane's pull. The file lane pushes on demand (`FILE_PUSH`, see on-demand-push.ts).
 */
export function syncLanes(separateAttachments: boolean): LaneOptions[] {
	// Design documents on this device are pouchdb-find indexes; the server's own come from
	// provisioning and only admins may write them.
	if (!separateAttachments) {
		return [{ batch_size: MAIN_BATCH, push: { filter: isSyncedDoc } }];
	}
	return [
		{
			batch_size: MAIN_BATCH,
			push: { filter: (d: { _id: string }) => isSyncedDoc(d) && !isAttachmentDoc(d) },
			pull: { filter: 'taskflow/docs' }
		},
		{ batch_size: FILE_BATCH, batches_limit: 1, pull: { filter: 'taskflow/attachments' } }
	];
}

const FILE_BATCH = 2;
/** How the file lane pushes: attachment documents, two at a time. */
export const FILE_PUSH = { filter: isAttachmentDoc, batch_size: FILE_BATCH, batches_limit: 1 };

export class SyncEngine {
	readonly #local: Db;
	readonly #remote: Db;
	readonly #onState: (s: SyncSnapshot) => void;
	readonly #pending: PendingTracker;
	readonly #lanes: LaneOptions[];
	#handlers: Handler[] = [];
	readonly #separateAttachments: boolean;
	#filePush: OnDemandPush | null = null;
	/** Stands for the file lane's push in `#busy`. */
	readonly #filePushToken = {};
	/** Lanes that are moving documents right now. */
	readonly #busy = new Set<unknown>();
	#state: SyncSnapshot;
	#running = false;

	/** @param separateAttachments run the file lane (workspace databases only). */
	constructor(
		local: Db,
		remote: Db,
		onState: (s: SyncSnapshot) => void,
		lastSyncedAt: string | null,
		separateAttachments = false
	) {
		this.#lanes = syncLanes(separateAttachments);
		this.#separateAttachments = separateAttachments;
		this.#local = local;
		this.#remote = remote;
		this.#onState = onState;
		this.#state = { phase: 'starting', pending: 0, lastSyncedAt, error: null, denied: [] };
		this.#pending = new PendingTracker(local, (pending) => this.#set({ pending }));
	}

	get state(): SyncSnapshot {
		return this.#state;
	}

	async start(): Promise<void> {
		if (this.#running) return;
		this.#running = true;
		addEventListener('online', this.#onOnline);
		addEventListener('offline', this.#onOffline);
		document.addEventListener('visibilitychange', this.#onVisible);
		await this.#pending.start();
		this.#connect();
	}

	stop(): void {
		this.#running = false;
		removeEventListener('online', this.#onOnline);
		removeEventListener('offline', this.#onOffline);
		document.removeEventListener('visibilitychange', this.#onVisible);
		this.#disconnect();
		this.#pending.stop();
		this.#set({ phase: 'stopped' });
	}

	/** Reconnect now (e.g. after logging in again). */
	restart(): void {
		if (!this.#running) return;
		this.#disconnect();
		this.#connect();
	}

	#onOnline = () => this.restart();
	/**
	 * After the device sleeps, a long-poll can hang on a dead connection with no error, and
	 * the back-off may be long: when the app comes back after a while out of view, reconnect.
	 */
	#hiddenAt = 0;
	#onVisible = () => {
		if (document.visibilityState === 'hidden') this.#hiddenAt = Date.now();
		else if (this.#hiddenAt && Date.now() - this.#hiddenAt > RESUME_AFTER_HIDDEN_MS) this.restart();
	};
	#onOffline = () => {
		this.#disconnect();
		this.#set({ phase: 'offline' });
	};

	#connect(): void {
		if (!navigator.onLine) {
			this.#set({ phase: 'offline' });
			return;
		}
		this.#set({ phase: 'syncing', error: null });
		this.#handlers = this.#lanes.map((lane) => this.#replicate(lane));
		if (this.#separateAttachments) this.#startFilePush();
	}

	#startFilePush(): void {
		const token = this.#filePushToken;
		const push = new OnDemandPush(
			this.#local,
			this.#remote,
			{ ...FILE_PUSH, backoff: (ms) => nextBackoff(ms) },
			{
				onActive: () => {
					this.#busy.add(token);
					this.#set({ phase: 'syncing', error: null });
				},
				onIdle: () => this.#laneIdle(token),
				onDocs: (docs) => this.#pushed(docs),
				onDenied: (err) => this.#denied(err),
				onError: (err) => this.#failed(err)
			}
		);
		this.#filePush = push;
		push.start();
	}

	#replicate(lane: LaneOptions): Handler {
		const live = {
			live: true,
			retry: true,
			back_off_function: (ms: number) => nextBackoff(ms)
		};
		// A lane without a push side (the file lane's pull) is a one-way replication.
		const handler: Handler = lane.push
			? this.#local.sync(this.#remote, { ...lane, ...live })
			: this.#local.replicate.from(this.#remote, {
					batch_size: lane.batch_size,
					batches_limit: lane.batches_limit,
					...(lane.pull as object),
					...live
				});
		this.#busy.add(handler);
		void (handler as PouchDB.Replication.Sync<object>)
			.on('change', (info) => {
				const pulled = 'direction' in info ? info.direction === 'pull' : true;
				const change = ('change' in info ? info.change : info) as { docs: unknown[] };
				const docs = change.docs as { _id: string; _rev?: string }[];
				if (pulled) this.#pending.notePulled(docs);
				else this.#pushed(docs);
			})
			.on('active', () => {
				this.#busy.add(handler);
				this.#set({ phase: 'syncing', error: null });
			})
			.on('paused', (err: unknown) => {
				if (!this.#handlers.includes(handler)) return;
				if (err) return this.#failed(err);
				this.#laneIdle(handler);
			})
			.on('denied', (err: unknown) => this.#denied(err))
			.on('error', (err: unknown) => this.#failed(err));
		return handler;
	}

	/** One lane has nothing more to move; the engine is idle when none has. */
	#laneIdle(lane: unknown): void {
		this.#busy.delete(lane);
		if (this.#busy.size > 0) return;
		this.#set({ phase: 'idle', error: null, lastSyncedAt: new Date().toISOString() });
		this.#pending.reconcile(this.#remote).catch((e: unknown) => this.#failed(e));
	}

	/**
	 * The server refused a document: listed (one entry per document, the newest reason) and
	 * no longer counted as pending. A two-way sync wraps the refusal as `{ direction, doc }`.
	 */
	#denied(err: unknown): void {
		const wrapped = err as { doc?: unknown };
		const e = (wrapped.doc && typeof wrapped.doc === 'object' ? wrapped.doc : err) as {
			id?: string;
			reason?: string;
			message?: string;
		};
		const id = e.id ?? '?';
		const entry = { id, reason: e.reason ?? e.message ?? 'refused' };
		this.#pending.noteRefused(id);
		const others = this.#state.denied.filter((d) => d.id !== id);
		this.#set({ denied: [entry, ...others].slice(0, MAX_DENIED_KEPT) });
	}

	/** Documents that synced after all (fixed since, or allowed again) are no longer refused. */
	#pushed(docs: readonly { _id: string; _rev?: string }[]): void {
		this.#pending.notePushed(docs);
		if (this.#state.denied.length === 0) return;
		const ids = new Set(docs.map((d) => d._id));
		const denied = this.#state.denied.filter((d) => !ids.has(d.id));
		if (denied.length !== this.#state.denied.length) this.#set({ denied });
	}

	#disconnect(): void {
		const handlers = this.#handlers;
		this.#handlers = [];
		this.#busy.clear();
		for (const h of handlers) h.cancel();
		this.#filePush?.stop();
		this.#filePush = null;
	}

	#failed(err: unknown): void {
		const status = errorStatus(err);
		if (status === 401 || status === 403) {
			this.#disconnect();
			this.#set({ phase: 'unauthorized', error: errorMessage(err) });
			return;
		}
		// No answer at all (no HTTP status) is being offline, whatever `navigator.onLine`
		// says: it stays true on a network without a route to the server, and in some
		// browsers' offline modes. An answer with an error status means the server is there.
		const unreachable = !navigator.onLine || status === undefined || status === 0;
		this.#set({ phase: unreachable ? 'offline' : 'retrying', error: errorMessage(err) });
	}

	#set(patch: Partial<SyncSnapshot>): void {
		this.#state = { ...this.#state, ...patch };
		this.#onState(this.#state);
	}
}
