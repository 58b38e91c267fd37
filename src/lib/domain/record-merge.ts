/**
 * Merging conflicting revisions of a document edited by one person at a time — a comment
 * (only its author edits it) or a time entry (only its user): the latest edit
 * (`updatedAt`, then the revision id, the same on every device) is kept whole, and every
 * field the other revisions had differently goes to the history, restorable. These have no
 * per-field clocks: the two sides are the same person on two devices, and what they did
 * last is what they meant.
 */
import { canonicalJson, type LostValue } from './clocked-merge';
import { formatHlc } from './hlc';

export interface EditedDoc {
	_id: string;
	_rev?: string;
	updatedAt: string;
	createdBy: string;
	[field: string]: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The kept revision (bookkeeping fields dropped), what lost, and whether it differs. */
export function mergeLatestEdit<T extends EditedDoc>(
	revisions: readonly T[],
	fields: readonly (keyof T & string)[]
): { doc: T; lost: LostValue[]; changed: boolean } {
	if (revisions.length === 0) throw new Error('nothing to merge');
	// One order on every device: latest edit first, then the larger revision id.
	const revs = [...revisions].sort((a, b) =>
		a.updatedAt !== b.updatedAt
			? a.updatedAt < b.updatedAt
				? 1
				: -1
			: (a._rev ?? '') < (b._rev ?? '')
				? 1
				: -1
	);
	const winner = revs[0]!;
	const lost: LostValue[] = [];
	for (const r of revs) {
		if (r === winner) continue;
		for (const field of fields) {
			if (same(r[field], winner[field])) continue;
			lost.push({
				field,
				value: r[field],
				kept: winner[field],
				// When that edit was made, in the clock format the history keys on.
				clock: formatHlc({ millis: Date.parse(r.updatedAt) || 0, counter: 0, replica: 'merge' }),
				rev: r._rev ?? '',
				by: r.createdBy
			});
		}
	}
	const { _rev: _drop, ...doc } = winner;
	return { doc: canonicalJson(doc) as unknown as T, lost, changed: lost.length > 0 };
}
