/**
 * Counts local changes not yet on the server, for the sync indicator.
 *
 * Every change in the local database is pending until we know the server has that
 * revision: because the push replication wrote it, because it came from the server in the
 * first place (pull), or because `_revs_diff` says the server has it (checked whenever the
 * push goes idle). The local sequence up to which everything was confirmed is kept in a
 * `_local` document, so after a reload — offline too — the count starts from there.
 *
 * The count is of edits, not documents: each local revision of a document seen while the
 * app runs is one (after a reload, one per document changed), and activity entries are not
 * counted, as each belongs to an edit already counted. A document the server refused is
 * not pending (it will not sync as it is); the sync engine lists it as refused instead.
 */
import type { Db } from './pouch';

const STATE_ID = '_local/taskflow-pending';
const MAX_PULLED_REMEMBERED = 5_000;

interface PendingState {
	_id: string;
	_rev?: string;
	verifiedSeq: number | string;
}

export class PendingTracker {
	readonly #local: Db;
	readonly #onCount: (count: number) => void;
	/** Document id → its newest local revision, and how many edits made it. */
	readonly #pending = new Map<string, { rev: string; edits: number }>();
	readonly #pulled = new Set<string>();
	#feed: PouchDB.Core.Changes<object> | null = null;
	#lastSeq: number | string = 0;
	#reconciling = false;

	constructor(local: Db, onCount: (count: number) => void) {
		this.#local = local;
		this.#onCount = onCount;
	}

	get count(): number {
		let edits = 0;
		let entries = 0;
		for (const [id, p] of this.#pending) {
			if (id.startsWith('activity:')) entries++;
			else edits += p.edits;
		}
		// Activity alone pending (its edit synced first) still is something to sync.
		return edits || entries;
	}

	async start(): Promise<void> {
		const state = await this.#readState();
		this.#lastSeq = state?.verifiedSeq ?? 0;
		this.#feed = this.#local
			.changes({ since: this.#lastSeq, live: true, return_docs: false })
			.on('change', (c) => {
				this.#lastSeq = c.seq;
				const rev = c.changes[0]?.rev;
				if (!rev || c.id.startsWith('_design/')) return;
				if (this.#pulled.has(`${c.id}@${rev}`)) return;
				const edits = (this.#pending.get(c.id)?.edits ?? 0) + 1;
				this.#pending.set(c.id, { rev, edits });
				this.#emit();
			});
	}

	stop(): void {
		this.#feed?.cancel();
		this.#feed = null;
	}

	/** Revisions that arrived from the server are not pending. */
	notePulled(docs: readonly { _id: string; _rev?: string }[]): void {
		for (const d of docs) {
			if (!d._rev) continue;
			this.#pulled.add(`${d._id}@${d._rev}`);
			if (this.#pending.get(d._id)?.rev === d._rev) this.#pending.delete(d._id);
		}
		if (this.#pulled.size > MAX_PULLED_REMEMBERED) this.#pulled.clear();
		this.#emit();
	}

	/** Revisions the push replication wrote are on the server. */
	notePushed(docs: readonly { _id: string; _rev?: string }[]): void {
		for (const d of docs) {
			if (d._rev && this.#pending.get(d._id)?.rev === d._rev) this.#pending.delete(d._id);
		}
		this.#emit();
	}

	/** A document the server refused is not waiting to sync; it is listed as refused. */
	noteRefused(id: string): void {
		if (this.#pending.delete(id)) this.#emit();
	}

	/**
	 * Ask the server which pending revisions it lacks and forget the rest. Called when the
	 * push is idle, so what remains is really unsent (e.g. refused by the server).
	 */
	async reconcile(remote: Db): Promise<void> {
		if (this.#reconciling) return;
		this.#reconciling = true;
		try {
			const seq = this.#lastSeq;
			const asked = new Map([...this.#pending].map(([id, p]) => [id, p.rev]));
			if (asked.size > 0) {
				const query: Record<string, string[]> = {};
				for (const [id, rev] of asked) query[id] = [rev];
				const missing = await remote.revsDiff(query);
				for (const [id, rev] of asked) {
					if (!missing[id] && this.#pending.get(id)?.rev === rev) this.#pending.delete(id);
				}
				this.#emit();
			}
			if (this.#pending.size === 0) await this.#writeState(seq);
		} finally {
			this.#reconciling = false;
		}
	}

	#emit(): void {
		this.#onCount(this.count);
	}

	async #readState(): Promise<PendingState | null> {
		try {
			return await this.#local.get<PendingState>(STATE_ID);
		} catch {
			return null;
		}
	}

	async #writeState(verifiedSeq: number | string): Promise<void> {
		const prev = await this.#readState();
		await this.#local.put<PendingState>({ _id: STATE_ID, _rev: prev?._rev, verifiedSeq });
	}
}
