/**
 * Stamps writes for one signed-in user on this device: the time, a hybrid-logical-clock
 * stamp, and the activity-log entries describing each change.
 */
import { HlcClock } from '../domain/hlc';
import { serverNow } from './server-time';
import { newActivityId } from '../domain/ids';
import type { Activity } from '../domain/schemas/activity.schema';
import type { FieldChange, WriteContext } from '../domain/write-context';

export class Writer {
	readonly #clock: HlcClock;

	constructor(
		readonly user: string,
		replica: string,
		private readonly now: () => number = serverNow
	) {
		this.#clock = new HlcClock(replica, now);
	}

	context(): WriteContext {
		return { user: this.user, now: new Date(this.now()).toISOString(), stamp: this.#clock.tick() };
	}

	/** Fold in clocks seen on documents from other devices, so ours stay after them. */
	observe(clocks: Record<string, string>): void {
		for (const c of Object.values(clocks)) this.#clock.observe(c);
	}

	activity(
		ctx: WriteContext,
		action: Activity['action'],
		target: { doc: string; task?: string | null; project?: string | null },
		change?: FieldChange
	): Activity {
		const entry: Activity = {
			_id: newActivityId(),
			type: 'activity',
			action,
			doc: target.doc,
			task: target.task ?? null,
			project: target.project ?? null,
			field: change?.field ?? null,
			actor: this.user,
			at: ctx.now,
			createdBy: this.user
		};
		if (change) {
			entry.from = change.from ?? null;
			entry.to = change.to ?? null;
		}
		return entry;
	}
}
