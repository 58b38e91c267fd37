/**
 * All documents under one `_id` prefix of a local database, kept current by the database's
 * shared changes feed (change-hub.ts): an `_all_docs` range read once, then the changes
 * that follow it. Changes are applied in batches, at most one per frame: a
 * changes feed delivers documents one IndexedDB event at a time, so flushing per microtask
 * re-rendered the board once per arriving document, and a burst of live writes kept the
 * main thread busy enough to hold up replication itself.
 */
import { SvelteMap } from 'svelte/reactivity';
import { idRange } from '../domain/ids';
import { changeHub, type DocChange } from './change-hub';
import { errorMessage, type Db } from './pouch';

export type LoadStatus = 'loading' | 'ready' | 'error';

export class LiveCollection<T extends { _id: string }> {
	readonly #map = new SvelteMap<string, T>();
	#status = $state<LoadStatus>('loading');
	#error = $state<string | null>(null);
	#unsubscribe: (() => void) | null = null;
	// Not reactive on purpose: a staging area flushed into the reactive map in one batch.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#queue = new Map<string, T | null>();
	#flushScheduled = false;
	#stopped = false;
	// Edits shown before they are stored (see `preview`), and the stored revisions beneath.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping; #map is shown
	readonly #previews = new Map<string, T>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- see #previews
	readonly #beneath = new Map<string, T | undefined>();

	/** `onArrive` hears of documents that appear after the first read (not edits of known ones). */
	constructor(
		private readonly db: Db,
		private readonly prefix: string,
		private readonly accept: (doc: unknown) => doc is T,
		private readonly onArrive?: (doc: T) => void
	) {}

	get status(): LoadStatus {
		return this.#status;
	}
	get error(): string | null {
		return this.#error;
	}
	get size(): number {
		return this.#map.size;
	}
	get(id: string): T | undefined {
		return this.#map.get(id);
	}
	values(): MapIterator<T> {
		return this.#map.values();
	}

	/**
	 * Show a revision this tab has just stored, ahead of the changes feed (which reports it a
	 * moment later and then finds it already there). An older revision never replaces a newer.
	 */
	apply(doc: T & { _rev?: string }): void {
		if (this.#status !== 'ready' || revNumber(this.#storedRev(doc._id)) >= revNumber(doc._rev)) {
			return;
		}
		this.#store(doc._id, doc);
	}

	/**
	 * Show `doc` before it is stored, so an edit paints in the frame of the key press instead
	 * of after the IndexedDB round trips. Until it settles, stored revisions of the document
	 * (from `apply` or the feed) are kept beneath it and a newer preview goes on top. The
	 * returned function settles it: once the write is done or has failed, the stored revision
	 * shows again, unless a newer preview of the same document is still waiting.
	 */
	preview(doc: T): () => void {
		if (this.#status !== 'ready') return () => {};
		const id = doc._id;
		if (!this.#previews.has(id)) this.#beneath.set(id, this.#map.get(id));
		this.#previews.set(id, doc);
		this.#map.set(id, doc);
		return () => {
			if (this.#previews.get(id) !== doc) return;
			this.#previews.delete(id);
			const stored = this.#beneath.get(id);
			this.#beneath.delete(id);
			if (stored) this.#map.set(id, stored);
			else this.#map.delete(id);
		};
	}

	/** The stored revision of `id` as this tab knows it (beneath a preview, if any). */
	#storedDoc(id: string): T | undefined {
		return this.#previews.has(id) ? this.#beneath.get(id) : this.#map.get(id);
	}

	#storedRev(id: string): string | undefined {
		return (this.#storedDoc(id) as { _rev?: string } | undefined)?._rev;
	}

	/** Record a stored revision (null: deleted); shown unless a preview is on top of it. */
	#store(id: string, doc: T | null): void {
		if (this.#previews.has(id)) {
			this.#beneath.set(id, doc ?? undefined);
		} else if (doc) {
			this.#map.set(id, doc);
		} else {
			this.#map.delete(id);
		}
	}

	async start(): Promise<void> {
		try {
			// Follow the shared feed before reading, so no write between the two is missed;
			// what arrives during the read is applied after it, unless the read was newer.
			let early: DocChange[] | null = [];
			const unsubscribe = await changeHub(this.db).subscribe(
				(c) => {
					if (!c.id.startsWith(this.prefix)) return;
					if (early) early.push(c);
					else this.#onChange(c);
				},
				(err) => {
					this.#error = errorMessage(err);
				}
			);
			if (this.#stopped) return unsubscribe();
			this.#unsubscribe = unsubscribe;
			const res = await this.db.allDocs({ include_docs: true, ...idRange(this.prefix) });
			if (this.#stopped) return;
			for (const row of res.rows) {
				if ('doc' in row && this.accept(row.doc)) this.#map.set(row.id, row.doc);
			}
			this.#status = 'ready';
			const during = early;
			early = null;
			for (const c of during) {
				const rev = (c.doc as { _rev?: string } | undefined)?._rev ?? c.changes[0]?.rev;
				if (revNumber(rev) > revNumber(this.#storedRev(c.id))) this.#onChange(c);
			}
		} catch (err) {
			this.#status = 'error';
			this.#error = errorMessage(err);
		}
	}

	stop(): void {
		this.#stopped = true;
		this.#unsubscribe?.();
		this.#unsubscribe = null;
	}

	#onChange(c: DocChange): void {
		this.#enqueue(c.id, !c.deleted && this.accept(c.doc) ? c.doc : null);
	}

	#enqueue(id: string, doc: T | null): void {
		this.#queue.set(id, doc);
		if (this.#flushScheduled) return;
		this.#flushScheduled = true;
		nextFrame(() => {
			this.#flushScheduled = false;
			if (this.#stopped) return;
			const batch = this.#queue;
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- see #queue
			this.#queue = new Map();
			for (const [key, value] of batch) {
				const known = this.#storedDoc(key);
				if (value && !known) this.onArrive?.(value);
				if (value && sameRev(known, value)) continue;
				this.#store(key, value);
			}
		});
	}
}

/** A revision's generation (`3-abc` → 3; none → 0). */
function revNumber(rev: string | undefined): number {
	return rev ? parseInt(rev, 10) || 0 : 0;
}

const sameRev = (a: unknown, b: unknown): boolean => {
	const ra = (a as { _rev?: string } | undefined)?._rev;
	return ra !== undefined && ra === (b as { _rev?: string })._rev;
};

/** Longest wait for a frame: hidden tabs get none, and their data must stay current. */
const FRAME_FALLBACK_MS = 100;

/** Runs `fn` once, before the next paint — or after a short timeout if no frame comes. */
function nextFrame(fn: () => void): void {
	if (typeof requestAnimationFrame === 'undefined') return queueMicrotask(fn);
	let done = false;
	const run = () => {
		if (done) return;
		done = true;
		cancelAnimationFrame(frame);
		clearTimeout(timer);
		fn();
	};
	const frame = requestAnimationFrame(run);
	const timer = setTimeout(run, FRAME_FALLBACK_MS);
}
