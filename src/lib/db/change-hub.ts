/**
 * One live changes feed per local database, shared by everything in the tab that follows it
 * (the live collections, the time tracker). PouchDB runs a separate IndexedDB read for every
 * live listener on every write, so a replication burst used to be read once per listener;
 * now it is read once and handed to each subscriber.
 */
import type { Db } from './pouch';

/** What a subscriber hears: one change with its current document (absent when deleted). */
export type DocChange = PouchDB.Core.ChangesResponseChange<object>;
export type ChangeListener = (change: DocChange) => void;
export type ErrorListener = (err: unknown) => void;

interface Subscriber {
	onChange: ChangeListener;
	onError?: ErrorListener;
}

export class ChangeHub {
	readonly #subs = new Set<Subscriber>();
	#feed: PouchDB.Core.Changes<object> | null = null;
	#started: Promise<void> | null = null;

	constructor(private readonly db: Db) {}

	/**
	 * Resolves once the shared feed follows the database from a known sequence, so every write
	 * that completes after this resolves reaches `onChange`. Returns the unsubscribe function.
	 */
	async subscribe(onChange: ChangeListener, onError?: ErrorListener): Promise<() => void> {
		const sub: Subscriber = { onChange, onError };
		this.#subs.add(sub);
		await this.#start();
		return () => {
			this.#subs.delete(sub);
			if (this.#subs.size === 0) this.#stop();
		};
	}

	#start(): Promise<void> {
		// The sequence is read explicitly: `since: 'now'` resolves later, inside PouchDB, and a
		// write in between would be missed by a subscriber that has already read the data.
		this.#started ??= this.db.info().then((info) => {
			if (this.#subs.size === 0) {
				this.#started = null;
				return;
			}
			this.#feed = this.db
				.changes({ since: info.update_seq, live: true, include_docs: true, return_docs: false })
				.on('change', (c) => {
					for (const s of [...this.#subs]) s.onChange(c);
				})
				.on('error', (err) => {
					for (const s of [...this.#subs]) s.onError?.(err);
					this.#feed = null;
					this.#started = null;
				});
		});
		return this.#started;
	}

	#stop(): void {
		this.#feed?.cancel();
		this.#feed = null;
		this.#started = null;
	}
}

const hubs = new WeakMap<Db, ChangeHub>();

/** The shared feed of `db` (one per database object). */
export function changeHub(db: Db): ChangeHub {
	let hub = hubs.get(db);
	if (!hub) {
		hub = new ChangeHub(db);
		hubs.set(db, hub);
	}
	return hub;
}
