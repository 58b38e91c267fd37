/**
 * Field-by-field merge of conflicting revisions of one document whose fields carry hybrid
 * logical clocks (`clocks[field]`). Per field the value with the later clock wins; equal
 * clocks (the same write seen twice) fall back to comparing the values' JSON, so the
 * choice never depends on the order revisions arrive in. Every value that differs from the
 * winner is reported, so the caller can keep it in the activity log.
 */
import { compareHlc, formatHlc, parseHlc, replicaOf } from './hlc';
import { sameValue } from './write-context';

export interface ClockedDoc {
	_id: string;
	_rev?: string;
	clocks: Record<string, string>;
	/** Per field, the clock of the value its last edit replaced (see task.schema.ts). */
	bases?: Record<string, string>;
	updatedAt: string;
	updatedBy?: string;
}

export interface LostValue {
	field: string;
	/** The value that did not win. */
	value: unknown;
	/** The value kept instead. */
	kept: unknown;
	/** The losing value's clock and revision, and who wrote that revision. */
	clock: string;
	rev: string;
	by: string | null;
}

export const clockOf = (doc: ClockedDoc, field: string): string => doc.clocks[field] ?? '';

/**
 * Whether `loser`'s value of `key` is one the edit that made `winner`'s value had seen and
 * replaced: then nothing was raced, and nothing is reported lost. That is so when the
 * winner's base is that very write, or a later write of the same device (which had replaced
 * it there). A later base from another device proves nothing: a value can lose to a
 * concurrent write that was itself replaced before the two met, and must then be reported.
 * A revision that never set the field has nothing of its own to lose either.
 */
export function superseded(winner: ClockedDoc, loser: ClockedDoc, key: string): boolean {
	const clock = clockOf(loser, key);
	if (clock === '') return true;
	const base = winner.bases?.[key] ?? '';
	if (base === '') return false;
	return base === clock || (replicaOf(base) === replicaOf(clock) && compareHlc(clock, base) < 0);
}

/**
 * The base for an edit of `key` stamped `stamp` on `doc`: the clock of the value it
 * replaces, except in a run of this device's own edits of the field, which keeps the base
 * from before the run (the others never saw the values in between).
 */
export function nextBase(doc: ClockedDoc, key: string, stamp: string): string | null {
	const replaced = doc.clocks[key];
	if (!replaced) return null;
	const mine = replicaOf(replaced) === replicaOf(stamp);
	return mine && doc.bases?.[key] ? doc.bases[key] : replaced;
}

/** `bases` for an edit of `key` stamped `stamp` on `doc` (see `nextBase`). */
export function withBase(
	doc: ClockedDoc,
	key: string,
	stamp: string
): { bases?: Record<string, string> } {
	const base = nextBase(doc, key, stamp);
	return base ? { bases: { ...doc.bases, [key]: base } } : {};
}

/** Carries the winning revision's base for `key` into a merged document. */
export function carryBase(into: ClockedDoc, winner: ClockedDoc, key: string): void {
	const base = winner.bases?.[key];
	if (base) into.bases = { ...into.bases, [key]: base };
	else if (into.bases && key in into.bases) {
		const { [key]: _gone, ...rest } = into.bases;
		into.bases = rest;
	}
}

const json = (v: unknown) => JSON.stringify(v) ?? '';

/** Revisions in one order on every device (by revision id). */
export function canonicalOrder<T extends ClockedDoc>(revs: readonly T[]): T[] {
	return [...revs].sort((a, b) => ((a._rev ?? '') < (b._rev ?? '') ? -1 : 1));
}

/** The revision whose value of `field` wins. */
export function winnerFor<T extends ClockedDoc>(revs: readonly T[], field: keyof T & string): T {
	let best = revs[0]!;
	for (const r of revs.slice(1)) {
		const c = compareHlc(clockOf(r, field), clockOf(best, field));
		if (c > 0 || (c === 0 && json(r[field]) > json(best[field]))) best = r;
	}
	return best;
}

/** Merge `fields` of `revs` into `into` (mutated), returning what lost. */
export function mergeFields<T extends ClockedDoc>(
	revs: readonly T[],
	fields: readonly (keyof T & string)[],
	into: T
): LostValue[] {
	const lost: LostValue[] = [];
	for (const field of fields) {
		const w = winnerFor(revs, field);
		into[field] = w[field];
		into.clocks[field] = clockOf(w, field);
		carryBase(into, w, field);
		for (const r of revs) {
			if (r === w || sameValue(r[field], w[field]) || superseded(w, r, field)) continue;
			lost.push(lostValue(field, r, w[field]));
		}
	}
	return lost;
}

export function lostValue<T extends ClockedDoc>(
	field: keyof T & string,
	r: T,
	kept: unknown
): LostValue {
	return {
		field,
		value: r[field],
		kept,
		clock: clockOf(r, field),
		rev: r._rev ?? '',
		by: r.updatedBy ?? null
	};
}

/** A clock just after `clock`, the same on every device (for values a merge produced). */
export function bumpClock(clock: string): string {
	const c = parseHlc(clock);
	return c.counter + 1 < 36 ** 4
		? formatHlc({ ...c, counter: c.counter + 1 })
		: formatHlc({ ...c, millis: c.millis + 1, counter: 0 });
}

/** The latest `updatedAt` and its author. */
export function latestUpdate(revs: readonly ClockedDoc[]): { at: string; by: string | undefined } {
	let best = revs[0]!;
	for (const r of revs) if (r.updatedAt > best.updatedAt) best = r;
	return { at: best.updatedAt, by: best.updatedBy };
}

/** The wall-clock instant of the latest clock in `revs`, as ISO (deterministic "when"). */
export function latestClockTime(revs: readonly ClockedDoc[]): string {
	let max = '';
	for (const r of revs) for (const c of Object.values(r.clocks)) if (c > max) max = c;
	return new Date(max ? parseHlc(max).millis : 0).toISOString();
}

/** A copy with object keys sorted at every level, so JSON (and revision hashes) match. */
export function canonicalJson<T>(value: T): T {
	if (Array.isArray(value)) return value.map(canonicalJson) as T;
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const k of Object.keys(value).sort()) {
			const v = (value as Record<string, unknown>)[k];
			if (v !== undefined) out[k] = canonicalJson(v);
		}
		return out as T;
	}
	return value;
}
