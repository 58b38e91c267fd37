import { describe, expect, it } from 'vitest';
import { fieldsFromRows, newFieldId, rowsFromFields, type FieldRow } from './custom-fields-form';
import { customFieldIdSchema } from '$lib/domain/schemas/custom-field.schema';

const row = (over: Partial<FieldRow>): FieldRow => ({
	id: null,
	name: 'Size',
	type: 'text',
	options: '',
	...over
});

describe('custom field rows', () => {
	it('make valid ids from any name', () => {
		for (const name of ['Site visit', 'Größe!', '***', 'x'.repeat(80)]) {
			expect(customFieldIdSchema.safeParse(newFieldId(name)).success).toBe(true);
		}
		expect(newFieldId('Site visit', 'ab12')).toBe('site-visit-ab12');
	});

	it('keep existing ids on rename and split select choices', () => {
		const r = fieldsFromRows(
			[row({ id: 'size-aaaa', name: ' Size ', type: 'select', options: 'S, M,, M ,L' })],
			() => 'new'
		);
		expect(r).toEqual({
			ok: true,
			fields: [{ id: 'size-aaaa', name: 'Size', type: 'select', options: ['S', 'M', 'L'] }]
		});
	});

	it('refuse empty names, duplicate names and selects without choices', () => {
		expect(fieldsFromRows([row({ name: ' ' })])).toMatchObject({ ok: false });
		expect(fieldsFromRows([row({}), row({ name: 'size' })])).toMatchObject({ ok: false });
		expect(fieldsFromRows([row({ type: 'select', options: ' , ' })])).toMatchObject({
			ok: false
		});
	});

	it('round-trip through the form', () => {
		const fields = [
			{ id: 'a', name: 'A', type: 'select' as const, options: ['x', 'y'] },
			{ id: 'b', name: 'B', type: 'date' as const }
		];
		expect(fieldsFromRows(rowsFromFields(fields))).toEqual({ ok: true, fields });
	});
});
