/**
 * Merging conflicting revisions of a task into one, the same way on every device:
 * - each field takes the value with the later clock (see clocked-merge.ts);
 * - concurrent description edits are merged as text from their last common version;
 * - an edit that the deleting device did not see keeps the task out of the trash;
 * - status and completion time are made consistent again.
 * Whatever lost is returned for the activity log. The result is canonical JSON, so two
 * devices writing it on the same parent revision produce the same revision id.
 */
import {
	bumpClock,
	canonicalJson,
	canonicalOrder,
	clockOf,
	carryBase,
	latestClockTime,
	latestUpdate,
	lostValue,
	mergeFields,
	superseded,
	winnerFor,
	type LostValue
} from './clocked-merge';
import { mergeCustomValues } from './custom-fields';
import { compareHlc, parseHlc } from './hlc';
import { MAX_DESCRIPTION_LENGTH, TASK_EDITABLE_FIELDS, type Task } from './schemas/task.schema';
import { mergeText } from './text-merge';

export interface TaskMerge {
	task: Task;
	/** Values that lost, and the sides' own versions of a merged text: all for the history. */
	lost: LostValue[];
	/** False when the revisions had the same content (only the losing branches need deleting). */
	changed: boolean;
}

const PLAIN_FIELDS = TASK_EDITABLE_FIELDS.filter((f) => f !== 'description');

export function mergeTaskRevisions(revisions: readonly Task[]): TaskMerge {
	if (revisions.length === 0) throw new Error('nothing to merge');
	const revs = canonicalOrder(revisions);
	const { _rev: _drop, _conflicts: _c, ...first } = revs[0]! as Task & { _conflicts?: unknown };
	const merged: Task = { ...first, clocks: {} };
	const lost = mergeFields(revs, PLAIN_FIELDS, merged);
	lost.push(...mergeCustomValues(revs, merged));
	lost.push(...mergeDescription(revs, merged));
	const keptFromTrash = keepEditedTask(revs, merged, lost);
	alignCompletion(merged);

	const latest = latestUpdate(revs);
	merged.updatedAt = latest.at;
	if (latest.by) merged.updatedBy = latest.by;
	const fields = [...new Set(lost.map((l) => l.field))].sort();
	merged.merge =
		fields.length === 0
			? (winnerFor(revs, 'updatedAt').merge ?? null)
			: {
					at: latestClockTime(revs),
					fields,
					with: [...new Set(revs.flatMap((r) => (r.updatedBy ? [r.updatedBy] : [])))].sort(),
					keptFromTrash
				};
	return { task: canonicalJson(merged), lost, changed: fields.length > 0 };
}

/**
 * The latest description, with the other concurrent edits merged in where they do not clash.
 * A text merged from several sides is one that nobody wrote: every side's own version goes
 * to the history (restorable) and the merge note names them, so merging is never silent.
 */
function mergeDescription(revs: readonly Task[], merged: Task): LostValue[] {
	const winner = winnerFor(revs, 'description');
	let text = winner.description;
	const lost: LostValue[] = [];
	const contributors: Task[] = [];
	for (const r of revs) {
		// A text the winning edit had seen and replaced is no rival to merge in.
		if (r === winner || r.description === text || superseded(winner, r, 'description')) continue;
		const base = commonBase(revs, winner, r);
		const merged = base === null ? null : mergeText(base, text, r.description);
		// A merged text longer than a description may be is not written (the server would
		// refuse it, and the conflict would stay): the later text stays, the other side's is
		// kept in the history, restorable.
		const result = merged && merged.text.length <= MAX_DESCRIPTION_LENGTH ? merged : null;
		if (result === null || result.conflict) {
			lost.push(lostValue('description', r, winner.description));
		}
		if (result && result.text !== text) {
			text = result.text;
			contributors.push(r);
		}
	}
	merged.description = text;
	const clock = clockOf(winner, 'description');
	carryBase(merged, winner, 'description');
	if (text === winner.description) {
		merged.clocks.description = clock;
		merged.descBase = winner.descBase ?? null;
		return lost;
	}
	// A merged text is new: give it a clock after both, the same on every device; it has
	// seen every side it was made from.
	merged.clocks.description = bumpClock(clock);
	merged.bases = { ...merged.bases, description: clock };
	merged.descBase = null;
	for (const side of [winner, ...contributors]) {
		const recorded = lost.some((l) => l.field === 'description' && l.rev === (side._rev ?? ''));
		if (!recorded) lost.push(lostValue('description', side, text));
	}
	return lost;
}

/** The latest recorded common version no later than either side's edit, or null. */
function commonBase(revs: readonly Task[], a: Task, b: Task): string | null {
	const limitA = clockOf(a, 'description');
	const limitB = clockOf(b, 'description');
	let best: { clock: string; text: string } | null = null;
	// Only recorded bases are known to be common: a side's current text is not, unless the
	// other side recorded it as its base (and then it is in that side's descBase).
	for (const r of revs) {
		const c = r.descBase;
		if (!c || compareHlc(c.clock, limitA) > 0 || compareHlc(c.clock, limitB) > 0) continue;
		if (!best || compareHlc(c.clock, best.clock) > 0) best = c;
	}
	return best?.text ?? null;
}

/** An edit the deleting device had not seen wins over the delete. */
function keepEditedTask(revs: readonly Task[], merged: Task, lost: LostValue[]): boolean {
	if (merged.deletedAt === null) return false;
	const deleter = winnerFor(revs, 'deletedAt');
	const editedMeanwhile = revs.some(
		(r) =>
			r.deletedAt === null &&
			TASK_EDITABLE_FIELDS.some(
				(f) =>
					f !== 'deletedAt' && f !== 'rank' && compareHlc(clockOf(r, f), clockOf(deleter, f)) > 0
			)
	);
	if (!editedMeanwhile) return false;
	lost.push(lostValue('deletedAt', deleter, null));
	merged.deletedAt = null;
	merged.clocks.deletedAt = bumpClock(clockOf(deleter, 'deletedAt'));
	merged.bases = { ...merged.bases, deletedAt: clockOf(deleter, 'deletedAt') };
	return true;
}

/** Status and completion time come from different writes after a merge: align them. */
function alignCompletion(task: Task): void {
	if (task.status !== 'done' && task.completedAt !== null) {
		task.completedAt = null;
		task.clocks.completedAt = task.clocks.status ?? task.clocks.completedAt ?? '';
	} else if (task.status === 'done' && task.completedAt === null) {
		const clock = task.clocks.status ?? '';
		task.completedAt = new Date(clock ? parseHlc(clock).millis : 0).toISOString();
		task.clocks.completedAt = clock;
	}
}
