/**
 * Writes an import plan into the workspace database in batches: one `allDocs` lookup and
 * one `bulkDocs` per batch instead of a round trip per task, so thousands of rows import
 * quickly. Tasks whose deterministic id is already present (even in the trash) are counted
 * as already imported and left untouched, with their comments — that is what makes running
 * the same import twice harmless. Each created task and comment gets its `create` activity
 * entry, as a task created by hand does.
 */
import type { PlannedTask } from '../domain/import/import-plan';
import type { Comment } from '../domain/schemas/comment.schema';
import type { WriteContext } from '../domain/write-context';
import { appendActivity } from './doc-writes';
import { type Db } from './pouch';
import { explainWriteFailure } from './storage-full';
import type { Writer } from './writer';

const BATCH = 200;

export interface FailedTask {
	where: string;
	title: string;
	reason: string;
}

export interface ImportOutcome {
	created: PlannedTask[];
	alreadyThere: PlannedTask[];
	failed: FailedTask[];
	comments: number;
}

type BulkResult = PouchDB.Core.Response | PouchDB.Core.Error;

export class ImportRepo {
	constructor(
		private readonly db: Db,
		private readonly writer: Writer
	) {}

	/** Which of `ids` are already in the database (trashed tasks included, deleted not). */
	async present(ids: readonly string[]): Promise<Set<string>> {
		const found = new Set<string>();
		for (let i = 0; i < ids.length; i += BATCH) {
			const res = await this.db.allDocs({ keys: ids.slice(i, i + BATCH) });
			for (const row of res.rows) {
				if ('value' in row && !row.value.deleted) found.add(row.id);
			}
		}
		return found;
	}

	/**
	 * Write `tasks` (built with `ctx`) and their comments, reporting progress after each
	 * batch. Parents come before their subtasks in `tasks`, so a batch never refers forward.
	 */
	async write(
		tasks: readonly PlannedTask[],
		ctx: WriteContext,
		onProgress: (done: number, total: number) => void = () => {}
	): Promise<ImportOutcome> {
		const outcome: ImportOutcome = { created: [], alreadyThere: [], failed: [], comments: 0 };
		for (let i = 0; i < tasks.length; i += BATCH) {
			const batch = tasks.slice(i, i + BATCH);
			const present = await this.present(batch.map((t) => t.task._id));
			const fresh = batch.filter((t) => !present.has(t.task._id));
			outcome.alreadyThere.push(...batch.filter((t) => present.has(t.task._id)));
			const results = await this.#bulk(fresh.map((t) => t.task));
			const created: PlannedTask[] = [];
			for (const t of fresh) {
				const r = results.get(t.task._id);
				if (r && 'ok' in r && r.ok) created.push(t);
				// Another tab or device wrote the same import at the same time.
				else if (r && 'status' in r && r.status === 409) outcome.alreadyThere.push(t);
				else outcome.failed.push({ where: t.where, title: t.task.title, reason: reasonOf(r) });
			}
			const comments = created.flatMap((t) => t.comments);
			const commentResults = await this.#bulk(comments);
			const savedComments = comments.filter((c) => {
				const r = commentResults.get(c._id);
				return r && 'ok' in r && r.ok;
			});
			outcome.created.push(...created);
			outcome.comments += savedComments.length;
			await appendActivity(this.db, [
				...created.map((t) =>
					this.writer.activity(ctx, 'create', {
						doc: t.task._id,
						task: t.task._id,
						project: t.task.project
					})
				),
				...savedComments.map((c: Comment) =>
					this.writer.activity(ctx, 'create', { doc: c._id, task: c.task })
				)
			]);
			onProgress(Math.min(i + BATCH, tasks.length), tasks.length);
		}
		return outcome;
	}

	/** `bulkDocs`, with results keyed by id: they may come back in another order. */
	async #bulk(docs: readonly { _id: string }[]): Promise<Map<string, BulkResult>> {
		if (docs.length === 0) return new Map();
		let results: BulkResult[];
		try {
			results = await this.db.bulkDocs([...docs]);
		} catch (err) {
			throw await explainWriteFailure(err);
		}
		const byId = new Map<string, BulkResult>();
		for (const r of results) if (r.id) byId.set(r.id, r);
		return byId;
	}
}

function reasonOf(r: BulkResult | undefined): string {
	if (!r) return 'the database did not answer for this task';
	if ('reason' in r && r.reason) return r.reason;
	if ('message' in r && r.message) return r.message;
	return 'refused by the database';
}
