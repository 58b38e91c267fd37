/**
 * Activity entries for values that lost a merge. Their ids and contents depend only on the
 * conflict and on who repaired it, so a user whose two devices repair the same conflict
 * writes one entry, not two.
 */
import type { LostValue } from './clocked-merge';
import { deterministicUlid } from './deterministic-id';
import { parseHlc } from './hlc';
import type { Activity } from './schemas/activity.schema';

export function mergeActivity(
	doc: { _id: string; project?: string | null; task?: unknown },
	lost: LostValue,
	repairedBy: string
): Activity {
	const millis = lost.clock ? parseHlc(lost.clock).millis : 0;
	const at = new Date(millis).toISOString();
	const key = `${doc._id}|${lost.field}|${lost.rev}|${lost.clock}|${repairedBy}`;
	const entry: Activity = {
		_id: `activity:${deterministicUlid(millis, key)}`,
		type: 'activity',
		action: 'merge',
		doc: doc._id,
		// A comment's or time entry's history belongs to its task.
		task: doc._id.startsWith('task:')
			? doc._id
			: typeof doc.task === 'string' && doc.task.startsWith('task:')
				? doc.task
				: null,
		project: doc._id.startsWith('project:') ? doc._id : (doc.project ?? null),
		field: lost.field,
		from: lost.value ?? null,
		to: lost.kept ?? null,
		actor: repairedBy,
		at,
		createdBy: repairedBy
	};
	if (lost.by) entry.lostBy = lost.by;
	return entry;
}
