/**
 * Owns replication for one workspace database in this browser and exposes its state as
 * runes. Only one tab replicates (the holder of a Web Lock named after the database); the
 * others read the same IndexedDB — PouchDB notifies them of its writes — and mirror the
 * leader's sync state through a BroadcastChannel. When the leader tab closes, the lock
 * passes to the next tab, which starts replicating.
 */
import { SyncEngine, type SyncSnapshot } from './sync-engine';
import type { Db } from './pouch';

type Message = { type: 'state'; state: SyncSnapshot } | { type: 'hello' } | { type: 'restart' };

const lastSyncKey = (db: string) => `taskflow.lastSync.${db}`;

export class SyncManager {
	#state = $state<SyncSnapshot>({
		phase: 'starting',
		pending: 0,
		lastSyncedAt: null,
		error: null,
		denied: []
	});
	#isLeader = $state(false);
	#online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	readonly #name: string;
	readonly #channel: BroadcastChannel | null;
	#engine: SyncEngine | null = null;
	#releaseLock: (() => void) | null = null;
	#stopLeading: (() => void) | null = null;
	#stopped = false;

	/**
	 * @param onLead runs when this tab starts replicating (conflict repair belongs to the
	 * replicating tab); it may return a function to run when the tab stops leading.
	 */
	constructor(
		readonly local: Db,
		readonly remote: Db,
		name: string,
		private readonly onLead: () => (() => void) | void = () => {},
		/** Replicate attachment documents in their own lane (see sync-engine.ts). */
		private readonly separateAttachments = false
	) {
		this.#name = name;
		this.#state.lastSyncedAt = localStorage.getItem(lastSyncKey(name));
		this.#channel =
			typeof BroadcastChannel === 'undefined'
				? null
				: new BroadcastChannel(`taskflow-sync:${name}`);
		this.#channel?.addEventListener('message', this.#onMessage);
		addEventListener('online', this.#onConnectivity);
		addEventListener('offline', this.#onConnectivity);
	}

	get state(): SyncSnapshot {
		return this.#state;
	}
	get isLeader(): boolean {
		return this.#isLeader;
	}
	get online(): boolean {
		return this.#online;
	}

	/** Join the election; resolves at once — replication starts when this tab wins. */
	start(): void {
		if (!('locks' in navigator)) {
			void this.#lead();
			return;
		}
		this.#channel?.postMessage({ type: 'hello' } satisfies Message);
		void navigator.locks.request(`taskflow-sync:${this.#name}`, () => {
			if (this.#stopped) return;
			return new Promise<void>((release) => {
				this.#releaseLock = release;
				void this.#lead();
			});
		});
	}

	/** Reconnect now, whichever tab is leading (after re-login, say). */
	restart(): void {
		if (this.#engine) this.#engine.restart();
		else this.#channel?.postMessage({ type: 'restart' } satisfies Message);
	}

	stop(): void {
		this.#stopped = true;
		this.#stopLeading?.();
		this.#engine?.stop();
		this.#engine = null;
		this.#releaseLock?.();
		this.#channel?.close();
		removeEventListener('online', this.#onConnectivity);
		removeEventListener('offline', this.#onConnectivity);
	}

	async #lead(): Promise<void> {
		this.#isLeader = true;
		this.#stopLeading = this.onLead() ?? null;
		this.#engine = new SyncEngine(
			this.local,
			this.remote,
			(s) => this.#publish(s),
			this.#state.lastSyncedAt,
			this.separateAttachments
		);
		await this.#engine.start();
	}

	#publish(s: SyncSnapshot): void {
		this.#state = s;
		if (s.lastSyncedAt) localStorage.setItem(lastSyncKey(this.#name), s.lastSyncedAt);
		this.#channel?.postMessage({ type: 'state', state: $state.snapshot(s) } satisfies Message);
	}

	#onMessage = (e: MessageEvent<Message>) => {
		const m = e.data;
		if (m.type === 'state' && !this.#isLeader) this.#state = m.state;
		else if (m.type === 'hello' && this.#engine) this.#publish(this.#engine.state);
		else if (m.type === 'restart') this.#engine?.restart();
	};

	#onConnectivity = () => {
		this.#online = navigator.onLine;
	};
}
