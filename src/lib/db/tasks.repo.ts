/** Task writes for one workspace database. */
import { setCustomValue, type CustomValue } from '../domain/custom-fields';
import type { TaskId } from '../domain/ids';
import { rankAfterAll } from '../domain/rank';
import type { Task } from '../domain/schemas/task.schema';
import { unstoredPart } from '../domain/edit-replay';
import { applyTaskPatch, createTask, type NewTaskInput, type TaskPatch } from '../domain/task-ops';
import { assertValid, validationErrors } from '../domain/validation';
import { appendActivity, createDoc, patchDoc, putOrExplain } from './doc-writes';
import type { EditJournal } from './edit-journal';
import { errorStatus, type Db } from './pouch';
import type { Writer } from './writer';

const target = (t: Task) => ({ doc: t._id, task: t._id, project: t.project });

/** Where a new to-do in `project` goes: after that column's last task. */
export type OccurrenceRank = (project: string) => string;

/** The tasks a tab shows (its live collection), which edits reach before their changes feed. */
export interface ShownTasks {
	get(id: string): Task | undefined;
	/** Show an edit before it is stored; returns a function to call once the write settles. */
	preview(task: Task): () => void;
	/** Show a revision as soon as it is stored. */
	apply(task: Task): void;
}

export class TasksRepo {
	/**
	 * @param occurrenceRank rank for the next occurrence of a repeating task; the app passes one
	 * from its live task list, without it the task sorts by its (deterministic) default.
	 * @param shown the tab's live tasks: an edit of a task shown there is painted at once, from
	 * the shown copy, and replaced by the stored revision (or taken back if the write fails).
	 * @param journal where edits wait until stored, so a reload or crash cannot lose them.
	 */
	constructor(
		private readonly db: Db,
		private readonly writer: Writer,
		private readonly occurrenceRank: OccurrenceRank = () => rankAfterAll([]),
		private readonly shown?: ShownTasks,
		private readonly journal?: EditJournal
	) {}

	create(input: NewTaskInput): Promise<Task> {
		return createDoc(this.db, this.writer, (ctx) => createTask(input, ctx), target);
	}

	/**
	 * Writes of one task waiting on each other, in the order they were made. A preview lets a
	 * person (or a held-down Shift+arrow) fire edits faster than they are stored; run side by
	 * side they would keep invalidating each other's revision (409) and could give up.
	 */
	readonly #queues = new Map<string, Promise<unknown>>();

	#inTurn<T>(id: string, write: () => Promise<T>): Promise<T> {
		const turn = (this.#queues.get(id) ?? Promise.resolve()).catch(() => undefined).then(write);
		this.#queues.set(id, turn);
		const done = () => {
			if (this.#queues.get(id) === turn) this.#queues.delete(id);
		};
		turn.then(done, done);
		return turn;
	}

	/** Apply `patch`. Completing a repeating task also creates its next occurrence. */
	async update(id: TaskId, patch: TaskPatch): Promise<Task> {
		const forget = this.journal?.record(id, patch, this.#stamp(id)) ?? (() => {});
		const settle = this.#preview(id, patch);
		let saved: Task;
		try {
			saved = await this.#inTurn(id, () =>
				patchDoc<Task>(
					this.db,
					this.writer,
					id,
					(current, ctx) => {
						const r = applyTaskPatch(current, patch, ctx);
						return { doc: r.task, changes: r.changes };
					},
					target,
					(doc) => this.shown?.apply(doc)
				)
			);
		} finally {
			settle();
			forget();
		}
		// When nothing changed, the stored task (perhaps written by another tab) already said so.
		this.shown?.apply(saved);
		if (patch.status === 'done' && saved.recurrence) await this.createNext(saved);
		return saved;
	}

	/** Keeps what is being typed into task `id` until it is saved (or the draft dropped). */
	draft(id: TaskId, patch: TaskPatch): void {
		this.journal?.draft(id, patch, this.#stamp(id));
	}

	dropDraft(id: TaskId): void {
		this.journal?.dropDraft(id);
	}

	/**
	 * Writes what edits of pages that are gone (reloaded, closed, crashed) left unstored, and
	 * forgets them; returns how many tasks it changed.
	 */
	async replayJournal(alive: ReadonlySet<string>): Promise<number> {
		if (!this.journal) return 0;
		let replayed = 0;
		for (const { key, entry } of this.journal.orphans(alive)) {
			try {
				const current = await this.db.get<Task>(entry.task).catch((err: unknown) => {
					if (errorStatus(err) === 404) return null;
					throw err;
				});
				const part = current && unstoredPart(current, entry.patch, entry.stamp);
				if (part) {
					await this.update(entry.task as TaskId, part);
					replayed++;
				}
			} catch (err) {
				console.warn('an unsaved edit could not be written', entry, err);
			}
			this.journal.forget(key);
		}
		return replayed;
	}

	/**
	 * A clock for journalling an edit of `id`: after every clock on the task as shown, so the
	 * edit's own write (stamped later still) is recognised as storing it.
	 */
	#stamp(id: TaskId): string {
		const clocks = this.shown?.get(id)?.clocks;
		if (clocks) this.writer.observe(clocks);
		return this.writer.context().stamp;
	}

	/** Paints the edit on the shown copy, when it is shown and the result is valid. */
	#preview(id: TaskId, patch: TaskPatch): () => void {
		const current = this.shown?.get(id);
		if (!current) return () => {};
		const { task, changes } = applyTaskPatch(current, patch, this.writer.context());
		if (changes.length === 0 || validationErrors(task)) return () => {};
		return this.shown!.preview(task);
	}

	/**
	 * Write the occurrence after `done` unless it exists: its id is the same on every device
	 * and for every completion of `done`, so a 409 means it was made already (here, by an
	 * earlier completion, or elsewhere and replicated) and must be left as it is.
	 */
	async createNext(done: Task): Promise<Task | null> {
		// Loaded on demand: the rrule library stays off the board's first load.
		const { nextOccurrence } = await import('../domain/recurrence-ops');
		const ctx = this.writer.context();
		const next = nextOccurrence(done, ctx, this.occurrenceRank(done.project));
		if (!next) return null;
		assertValid(next);
		try {
			const res = await putOrExplain(this.db, next);
			const saved = { ...next, _rev: res.rev };
			await appendActivity(this.db, [this.writer.activity(ctx, 'create', target(saved))]);
			return saved;
		} catch (err) {
			if (errorStatus(err) === 409) return null;
			throw err;
		}
	}

	/** Sets (null clears) one custom field value; only that field's clock moves. */
	setCustom(id: TaskId, field: string, value: CustomValue): Promise<Task> {
		return this.#inTurn(id, () =>
			patchDoc<Task>(
				this.db,
				this.writer,
				id,
				(current, ctx) => {
					const r = setCustomValue(current, field, value, ctx);
					return { doc: r.task, changes: r.changes };
				},
				target
			)
		);
	}

	/** Soft delete: the task goes to the trash and can be restored. */
	trash(id: TaskId): Promise<Task> {
		return this.update(id, { deletedAt: new Date().toISOString() });
	}

	restore(id: TaskId): Promise<Task> {
		return this.update(id, { deletedAt: null });
	}
}
