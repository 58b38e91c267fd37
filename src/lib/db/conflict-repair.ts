/**
 * Repairs conflicted documents on this device as they arrive: all leaf revisions are merged
 * field by field (domain/task-merge, project-merge), the merged document is written, what
 * lost goes to the activity log, and only then are the losing leaves deleted (see `repair`
 * for why in that order). Because the merge is deterministic and PouchDB's revision ids are
 * hashes of content, two devices repairing the same conflict write the same revisions:
 * nothing new to conflict about.
 *
 * Works on any PouchDB database (IndexedDB in the app, LevelDB or memory in tests).
 */
import { idRange } from '../domain/ids';
import { mergeActivity } from '../domain/merge-activity';
import { mergeProjectRevisions } from '../domain/project-merge';
import type { Project } from '../domain/schemas/project.schema';
import type { Task } from '../domain/schemas/task.schema';
import { mergeTaskRevisions } from '../domain/task-merge';
import { mergeLatestEdit, type EditedDoc } from '../domain/record-merge';
import { validationErrors } from '../domain/validation';
import { canonicalJson, type LostValue } from '../domain/clocked-merge';
import type { Db } from './pouch';

type Leaf = Record<string, unknown> & { _id: string; _rev: string; type?: string };
export interface Repaired {
	id: string;
	lost: LostValue[];
}

const REPAIRABLE = ['task:', 'project:', 'comment:', 'time:'];
/** What one person may edit of their comment or time entry (see record-merge.ts). */
const COMMENT_FIELDS = ['body', 'editedAt'] as const;
const TIME_FIELDS = ['task', 'project', 'start', 'end', 'minutes', 'note', 'billable'] as const;
/** Fresh starts of one repair when the document keeps moving under it. */
const MAX_ATTEMPTS = 5;

/** Whether two revisions of a document have the same content (revision fields aside). */
function sameContent(a: object, b: object): boolean {
	const strip = (d: object) =>
		Object.fromEntries(Object.entries(d).filter(([k]) => !k.startsWith('_') || k === '_id'));
	return JSON.stringify(canonicalJson(strip(a))) === JSON.stringify(canonicalJson(strip(b)));
}

export class ConflictRepairer {
	readonly #queue = new Set<string>();
	#feed: PouchDB.Core.Changes<object> | null = null;
	#draining: Promise<void> | null = null;

	/**
	 * @param canWrite repairs are writes: a viewer's device (or one whose role just became
	 * viewer) leaves conflicts to members' devices.
	 */
	constructor(
		private readonly db: Db,
		private readonly user: string,
		private readonly canWrite: () => boolean = () => true,
		private readonly onRepaired: (r: Repaired) => void = () => {}
	) {}

	/** Repair what arrived conflicted earlier, then follow new changes. */
	async start(): Promise<void> {
		await this.repairAll();
		this.#feed = this.db
			.changes({
				since: 'now',
				live: true,
				include_docs: true,
				conflicts: true,
				return_docs: false
			})
			.on('change', (c) => {
				if ((c.doc as { _conflicts?: string[] } | undefined)?._conflicts?.length) {
					this.enqueue(c.id);
				}
			});
	}

	/** Scan for conflicted documents and repair them all; resolves with how many were found. */
	async repairAll(): Promise<number> {
		let found = 0;
		for (const prefix of REPAIRABLE) {
			const res = await this.db.allDocs({
				...idRange(prefix),
				conflicts: true,
				include_docs: true
			});
			for (const row of res.rows) {
				if (
					'doc' in row &&
					(row.doc as { _conflicts?: string[] } | undefined)?._conflicts?.length
				) {
					found++;
					this.enqueue(row.id);
				}
			}
		}
		await this.idle();
		return found;
	}

	stop(): void {
		this.#feed?.cancel();
		this.#feed = null;
		this.#queue.clear();
	}

	enqueue(id: string): void {
		if (!REPAIRABLE.some((p) => id.startsWith(p))) return;
		this.#queue.add(id);
		this.#draining ??= this.#drain().finally(() => (this.#draining = null));
	}

	/** Resolves when the queue is empty (for tests and orderly shutdown). */
	async idle(): Promise<void> {
		while (this.#draining) await this.#draining;
	}

	async #drain(): Promise<void> {
		for (const id of this.#queue) {
			this.#queue.delete(id);
			try {
				await this.repair(id);
			} catch (err) {
				console.warn(`conflict repair of ${id} failed, will retry on its next change`, err);
			}
		}
	}

	/**
	 * Merge all leaves of `id` into one. Returns false when there was nothing to do.
	 *
	 * The order of the writes is what makes this safe, since PouchDB writes the documents of
	 * a bulkDocs one by one, not all or nothing:
	 * 1. the merged revision, on the winning leaf as read — if that leaf moved on meanwhile
	 *    (a replicated child arrived), this write fails, nothing else is written, and the
	 *    merge starts over from fresh reads;
	 * 2. what lost, into the history (ids depend only on the conflict: a second repair of the
	 *    same conflict adds nothing);
	 * 3. only then the losing leaves, whose values are now in the merged revision or the
	 *    history. A leaf that moved on meanwhile is not deleted (409) and is merged next time.
	 * A crash between the steps leaves a conflict, never a loss: the next repair does the rest.
	 */
	async repair(id: string): Promise<boolean> {
		if (!this.canWrite()) return false;
		for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			const winner = await this.db.get<Leaf>(id, { conflicts: true });
			const losers = (winner as { _conflicts?: string[] })._conflicts ?? [];
			if (losers.length === 0) return false;
			const others = await Promise.all(losers.map((rev) => this.db.get<Leaf>(id, { rev })));
			const { _conflicts: _c, ...current } = winner as Leaf & { _conflicts?: string[] };
			const merged = this.#merge([current, ...others]);
			if (!merged) return false;

			if (!sameContent(merged.doc, current)) {
				try {
					await this.db.put({ ...merged.doc, _id: id, _rev: winner._rev });
				} catch (err) {
					if ((err as { status?: number }).status === 409) continue;
					throw err;
				}
			}
			const entries = merged.lost.map((l) => mergeActivity(merged.doc, l, this.user));
			// A conflict (409) here means this user already recorded the same loss elsewhere.
			if (entries.length) await this.db.bulkDocs(entries);
			await this.db.bulkDocs(losers.map((rev) => ({ _id: id, _rev: rev, _deleted: true })));
			this.onRepaired({ id, lost: merged.lost });
			return true;
		}
		return false;
	}

	#merge(
		leaves: Leaf[]
	): { doc: { _id: string; project?: string | null }; lost: LostValue[]; changed: boolean } | null {
		const type = leaves[0]?.type;
		if (type === 'comment' || type === 'time') {
			const fields = type === 'comment' ? COMMENT_FIELDS : TIME_FIELDS;
			const r = mergeLatestEdit(leaves as unknown as EditedDoc[], fields);
			return validationErrors(r.doc as { type?: unknown }) ? null : r;
		}
		if (type === 'task') {
			const r = mergeTaskRevisions(leaves as unknown as Task[]);
			return validationErrors(r.task) ? null : { doc: r.task, lost: r.lost, changed: r.changed };
		}
		if (type === 'project') {
			const r = mergeProjectRevisions(leaves as unknown as Project[]);
			return validationErrors(r.project)
				? null
				: { doc: r.project, lost: r.lost, changed: r.changed };
		}
		return null;
	}
}
