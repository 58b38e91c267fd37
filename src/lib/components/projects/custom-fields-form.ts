/**
 * The project dialog's custom-field rows: what the form edits (options as one comma-
 * separated line) and the definitions it saves. New fields get an id from their name plus a
 * random suffix, so a field made after one was removed never picks up the old values.
 */
import {
	MAX_CUSTOM_FIELDS,
	type CustomFieldDef,
	type CustomFieldType
} from '$lib/domain/schemas/custom-field.schema';

/** One row of the form; `id` is null for a field not saved yet. */
export interface FieldRow {
	id: string | null;
	name: string;
	type: CustomFieldType;
	options: string;
}

export const rowsFromFields = (fields: readonly CustomFieldDef[] | undefined): FieldRow[] =>
	(fields ?? []).map((f) => ({
		id: f.id,
		name: f.name,
		type: f.type,
		options: (f.options ?? []).join(', ')
	}));

const randomSuffix = () => Math.random().toString(36).slice(2, 6).padEnd(4, '0');

/** A new field id from its name, e.g. `site-visit-k3x9`. */
export function newFieldId(name: string, suffix = randomSuffix()): string {
	const slug = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 20);
	return `${slug || 'field'}-${suffix}`;
}

/** The definitions the rows describe, or the first problem in words. */
export function fieldsFromRows(
	rows: readonly FieldRow[],
	makeId: (name: string) => string = (n) => newFieldId(n)
): { ok: true; fields: CustomFieldDef[] } | { ok: false; error: string } {
	if (rows.length > MAX_CUSTOM_FIELDS) {
		return { ok: false, error: `A project can have at most ${MAX_CUSTOM_FIELDS} fields.` };
	}
	const names = new Set<string>();
	const fields: CustomFieldDef[] = [];
	for (const row of rows) {
		const name = row.name.trim();
		if (!name) return { ok: false, error: 'Every custom field needs a name.' };
		if (name.length > 60) return { ok: false, error: `“${name}”: at most 60 characters.` };
		if (names.has(name.toLowerCase())) {
			return { ok: false, error: `Two fields are called “${name}”.` };
		}
		names.add(name.toLowerCase());
		const def: CustomFieldDef = { id: row.id ?? makeId(name), name, type: row.type };
		if (row.type === 'select') {
			const options = [...new Set(row.options.split(',').map((o) => o.trim()))].filter(Boolean);
			if (!options.length) return { ok: false, error: `“${name}” needs at least one choice.` };
			if (options.some((o) => o.length > 60)) {
				return { ok: false, error: `“${name}”: choices have at most 60 characters.` };
			}
			def.options = options;
		}
		fields.push(def);
	}
	return { ok: true, fields };
}
