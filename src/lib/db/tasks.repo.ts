/** Task writes for one workspace database. */
import { setCustomValue, type CustomValue } from '../domain/custom-fields';
import type { TaskId } from '../domain/ids';
import type { Task } from '../domain/schemas/task.schema';
import { applyTaskPatch, createTask, type NewTaskInput, type TaskPatch } from '../domain/task-ops';
import { createDoc, patchDoc } from './doc-writes';
import type { Db } from './pouch';
import type { Writer } from './writer';

const target = (t: Task) => ({ doc: t._id, task: t._id, project: t.project });

export class TasksRepo {
	constructor(
		private readonly db: Db,
		private readonly writer: Writer
	) {}

	create(input: NewTaskInput): Promise<Task> {
		return createDoc(this.db, this.writer, (ctx) => createTask(input, ctx), target);
	}

	update(id: TaskId, patch: TaskPatch): Promise<Task> {
		return patchDoc<Task>(
			this.db,
			this.writer,
			id,
			(current, ctx) => {
				const r = applyTaskPatch(current, patch, ctx);
				return { doc: r.task, changes: r.changes };
			},
			target
		);
	}

	/** Sets (null clears) one custom field value; only that field's clock moves. */
	setCustom(id: TaskId, field: string, value: CustomValue): Promise<Task> {
		return patchDoc<Task>(
			this.db,
			this.writer,
			id,
			(current, ctx) => {
				const r = setCustomValue(current, field, value, ctx);
				return { doc: r.task, changes: r.changes };
			},
			target
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
