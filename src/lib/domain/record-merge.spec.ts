import { describe, expect, it } from 'vitest';
import { mergeLatestEdit } from './record-merge';

const entry = (rev: string, updatedAt: string, fields: Record<string, unknown>) => ({
	_id: 'time:01J0000000000000000000000T',
	_rev: rev,
	type: 'time',
	createdBy: 'ann',
	updatedAt,
	note: 'pump',
	minutes: 30,
	...fields
});

describe('mergeLatestEdit', () => {
	it('keeps the later edit whole and reports what the other had', () => {
		const older = entry('2-a', '2026-11-01T10:00:00.000Z', { note: 'pump and valve' });
		const newer = entry('2-b', '2026-11-01T10:05:00.000Z', { minutes: 45 });
		for (const order of [
			[older, newer],
			[newer, older]
		]) {
			const { doc, lost, changed } = mergeLatestEdit(order, ['note', 'minutes']);
			expect(doc).toMatchObject({ note: 'pump', minutes: 45 });
			expect(doc).not.toHaveProperty('_rev');
			expect(changed).toBe(true);
			expect(lost).toEqual([
				expect.objectContaining({
					field: 'note',
					value: 'pump and valve',
					kept: 'pump',
					rev: '2-a',
					by: 'ann'
				}),
				expect.objectContaining({ field: 'minutes', value: 30, kept: 45 })
			]);
		}
	});

	it('breaks a tie the same way on every device', () => {
		const x = entry('2-a', '2026-11-01T10:00:00.000Z', { note: 'x' });
		const y = entry('2-b', '2026-11-01T10:00:00.000Z', { note: 'y' });
		expect(mergeLatestEdit([x, y], ['note']).doc.note).toBe('y');
		expect(mergeLatestEdit([y, x], ['note']).doc.note).toBe('y');
	});
});
