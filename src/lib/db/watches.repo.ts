/**
 * Watching a task: one `watch:<task>:<me>` document per person and task, written directly
 * (no activity entry: following a task is not a change to it). Assignee, reporter and
 * creator follow without one; `on: false` is how they stop.
 */
import type { TaskId } from '../domain/ids';
import { watchId, type Watch } from '../domain/schemas/watch.schema';
import { assertValid } from '../domain/validation';
import { errorStatus, type Db } from './pouch';
import type { Writer } from './writer';

export class WatchesRepo {
	constructor(
		private readonly db: Db,
		private readonly writer: Writer
	) {}

	/** This user's explicit choice for `task`, or null when they never made one. */
	async mine(task: TaskId): Promise<Watch | null> {
		try {
			return await this.db.get<Watch>(watchId(task, this.writer.user));
		} catch (err) {
			if (errorStatus(err) === 404) return null;
			throw err;
		}
	}

	/** Follows (`on`) or stops following `task`. */
	async set(task: TaskId, on: boolean): Promise<Watch> {
		for (let attempt = 1; ; attempt++) {
			const current = await this.mine(task);
			if (current?.on === on) return current;
			const ctx = this.writer.context();
			const doc: Watch = current
				? { ...current, on, updatedAt: ctx.now }
				: {
						_id: watchId(task, ctx.user),
						type: 'watch',
						task,
						user: ctx.user,
						on,
						createdBy: ctx.user,
						createdAt: ctx.now,
						updatedAt: ctx.now
					};
			assertValid(doc);
			try {
				const res = await this.db.put(doc);
				return { ...doc, _rev: res.rev };
			} catch (err) {
				if (errorStatus(err) !== 409 || attempt >= 3) throw err;
			}
		}
	}
}
