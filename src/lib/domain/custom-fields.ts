/**
 * Project-defined task fields: checking a typed value against its definition, setting one
 * value on a task, and merging values field by field. Each value has its own clock
 * (`clocks['custom.<id>']`), so two devices editing different fields of one task both keep
 * their edit when the conflict is repaired.
 */
import { carryBase, clockOf, superseded, withBase, type LostValue } from './clocked-merge';
import { compareHlc } from './hlc';
import {
	MAX_CUSTOM_TEXT,
	type CustomFieldDef,
	type CustomValues
} from './schemas/custom-field.schema';
import type { Task } from './schemas/task.schema';
import { sameValue, type FieldChange, type WriteContext } from './write-context';

/** A custom value as stored: text, number, `YYYY-MM-DD`, an option, or null (cleared). */
export type CustomValue = string | number | null;

/** The clock key of a field's value. */
export const customClockKey = (id: string) => `custom.${id}`;

/** The value of field `id` on `task`, null when unset. */
export const customValueOf = (task: Pick<Task, 'custom'>, id: string): CustomValue =>
	task.custom?.[id] ?? null;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
	if (!ISO_DATE.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Reads what a person typed for `def` into a stored value. Empty input clears the value.
 * Returns an error message a form can show when the input does not fit the field.
 */
export function parseCustomInput(
	def: CustomFieldDef,
	input: string
): { ok: true; value: CustomValue } | { ok: false; error: string } {
	const raw = input.trim();
	if (raw === '') return { ok: true, value: null };
	switch (def.type) {
		case 'text':
			return raw.length > MAX_CUSTOM_TEXT
				? { ok: false, error: `At most ${MAX_CUSTOM_TEXT} characters.` }
				: { ok: true, value: raw };
		case 'number': {
			const n = Number(raw.replace(',', '.'));
			return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: 'Enter a number.' };
		}
		case 'date':
			return isRealDate(raw)
				? { ok: true, value: raw }
				: { ok: false, error: 'Enter a date as YYYY-MM-DD.' };
		case 'select':
			return def.options?.includes(raw)
				? { ok: true, value: raw }
				: { ok: false, error: 'Pick one of the choices.' };
	}
}

/** Whether a stored value fits its definition (null always does). */
export function isValidCustomValue(def: CustomFieldDef, value: CustomValue): boolean {
	if (value === null) return true;
	if (def.type === 'number') return typeof value === 'number' && Number.isFinite(value);
	if (typeof value !== 'string') return false;
	const parsed = parseCustomInput(def, value);
	return parsed.ok && parsed.value === value;
}

/** Sets (or clears, with null) one custom value, stamping only that field's clock. */
export function setCustomValue(
	task: Task,
	id: string,
	value: CustomValue,
	ctx: WriteContext
): { task: Task; changes: FieldChange[] } {
	const from = customValueOf(task, id);
	if (sameValue(from, value)) return { task, changes: [] };
	const custom: CustomValues = { ...task.custom };
	if (value === null) delete custom[id];
	else custom[id] = value;
	const next: Task = {
		...task,
		custom,
		clocks: { ...task.clocks, [customClockKey(id)]: ctx.stamp },
		...withBase(task, customClockKey(id), ctx.stamp),
		updatedAt: ctx.now,
		updatedBy: ctx.user
	};
	return { task: next, changes: [{ field: customClockKey(id), from, to: value }] };
}

/**
 * Merges the custom values of `revs` into `into` (mutated): per field id, the value with the
 * later `custom.<id>` clock wins; equal clocks compare the values' JSON, so every device
 * picks the same. A cleared value is absent but keeps its clock, so a clear can win too.
 */
export function mergeCustomValues(revs: readonly Task[], into: Task): LostValue[] {
	const ids = new Set<string>();
	for (const r of revs) {
		for (const id of Object.keys(r.custom ?? {})) ids.add(id);
		for (const key of Object.keys(r.clocks)) {
			if (key.startsWith('custom.')) ids.add(key.slice('custom.'.length));
		}
	}
	if (ids.size === 0) return [];
	const lost: LostValue[] = [];
	const custom: CustomValues = {};
	for (const id of [...ids].sort()) {
		const key = customClockKey(id);
		const json = (r: Task) => JSON.stringify(customValueOf(r, id));
		let best = revs[0]!;
		for (const r of revs.slice(1)) {
			const c = compareHlc(clockOf(r, key), clockOf(best, key));
			if (c > 0 || (c === 0 && json(r) > json(best))) best = r;
		}
		const kept = customValueOf(best, id);
		if (kept !== null) custom[id] = kept;
		if (clockOf(best, key)) into.clocks[key] = clockOf(best, key);
		carryBase(into, best, key);
		for (const r of revs) {
			// A revision that never set this field, or whose value `best` replaced, lost nothing.
			if (r === best || superseded(best, r, key) || sameValue(customValueOf(r, id), kept)) {
				continue;
			}
			lost.push({
				field: key,
				value: customValueOf(r, id),
				kept,
				clock: clockOf(r, key),
				rev: r._rev ?? '',
				by: r.updatedBy ?? null
			});
		}
	}
	into.custom = custom;
	return lost;
}
