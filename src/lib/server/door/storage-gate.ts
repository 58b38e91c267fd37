/**
 * The storage quota of a workspace (MAX_WORKSPACE_MB): once its database takes more than
 * the limit on disk, the door refuses writes that add to it with 507 and a sentence to
 * show; deletions still pass. Devices keep their writes and retry, so nothing is lost
 * while someone frees space or the owner raises the limit. Sizes come from the database's
 * own info (`sizes.file` in CouchDB), read at most every few seconds per database.
 */
import type { ServerScope } from 'nano';

const FRESH_MS = 5_000;

export class StorageGate {
	readonly #couch: ServerScope;
	readonly #limit: number;
	readonly #now: () => number;
	readonly #sizes = new Map<string, { at: number; bytes: Promise<number> }>();

	/** `limit`: bytes per workspace database; 0 lets everything through. */
	constructor(couch: ServerScope, limit: number, now: () => number = Date.now) {
		this.#couch = couch;
		this.#limit = limit;
		this.#now = now;
	}

	/** Why a write to `db` is refused now, or null. */
	async refusal(db: string): Promise<string | null> {
		if (this.#limit <= 0) return null;
		const bytes = await this.#size(db).catch(() => 0);
		if (bytes <= this.#limit) return null;
		const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
		return `This workspace is full: it takes ${mb(bytes)} of the ${mb(this.#limit)} this server allows (MAX_WORKSPACE_MB). Delete files or old work, or ask the server's owner for more room. Your changes stay on this device until then.`;
	}

	#size(db: string): Promise<number> {
		const hit = this.#sizes.get(db);
		if (hit && this.#now() - hit.at < FRESH_MS) return hit.bytes;
		const bytes = this.#couch.db.get(db).then((info) => {
			const sizes = (info as { sizes?: { file?: unknown } }).sizes;
			return typeof sizes?.file === 'number' ? sizes.file : 0;
		});
		this.#sizes.set(db, { at: this.#now(), bytes });
		return bytes;
	}
}

/** Whether a `_bulk_docs` body (already checked) only deletes documents. */
export function onlyDeletes(body: string): boolean {
	const docs = (JSON.parse(body) as { docs?: { _deleted?: unknown }[] }).docs ?? [];
	return docs.length > 0 && docs.every((d) => d._deleted === true);
}
