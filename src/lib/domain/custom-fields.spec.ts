import { describe, expect, it } from 'vitest';
import { isValidCustomValue, parseCustomInput, setCustomValue } from './custom-fields';
import { HlcClock } from './hlc';
import type { CustomFieldDef } from './schemas/custom-field.schema';
import { projectSchema } from './schemas/project.schema';
import { taskSchema, type Task } from './schemas/task.schema';
import { createTask } from './task-ops';
import { mergeTaskRevisions } from './task-merge';
import { validationErrors } from './validation';

const size: CustomFieldDef = { id: 'size', name: 'Size', type: 'select', options: ['S', 'M', 'L'] };
const cost: CustomFieldDef = { id: 'cost', name: 'Cost', type: 'number' };
const visit: CustomFieldDef = { id: 'visit', name: 'Site visit', type: 'date' };
const note: CustomFieldDef = { id: 'note', name: 'Note', type: 'text' };

const T0 = Date.UTC(2026, 10, 1, 9);
function device(replica: string, user: string, start = T0) {
	let now = start;
	const clock = new HlcClock(replica, () => now);
	const ctx = () => ({ user, now: new Date(now).toISOString(), stamp: clock.tick() });
	return {
		advance: (ms: number) => (now += ms),
		ctx,
		set: (t: Task, id: string, value: string | number | null, rev: string) => ({
			...setCustomValue(t, id, value, ctx()).task,
			_rev: rev
		})
	};
}

describe('parseCustomInput', () => {
	it('reads numbers, with a decimal comma too', () => {
		expect(parseCustomInput(cost, ' 12.5 ')).toEqual({ ok: true, value: 12.5 });
		expect(parseCustomInput(cost, '3,25')).toEqual({ ok: true, value: 3.25 });
		expect(parseCustomInput(cost, 'ten')).toMatchObject({ ok: false });
	});
	it('accepts only real calendar dates', () => {
		expect(parseCustomInput(visit, '2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
		expect(parseCustomInput(visit, '2027-02-29')).toMatchObject({ ok: false });
		expect(parseCustomInput(visit, '29.02.2028')).toMatchObject({ ok: false });
	});
	it('accepts only the options of a select field', () => {
		expect(parseCustomInput(size, 'M')).toEqual({ ok: true, value: 'M' });
		expect(parseCustomInput(size, 'XL')).toMatchObject({ ok: false });
	});
	it('trims text, bounds its length, and clears on empty input', () => {
		expect(parseCustomInput(note, '  hi ')).toEqual({ ok: true, value: 'hi' });
		expect(parseCustomInput(note, 'x'.repeat(501))).toMatchObject({ ok: false });
		for (const def of [size, cost, visit, note]) {
			expect(parseCustomInput(def, '  ')).toEqual({ ok: true, value: null });
		}
	});
	it('checks stored values against their type', () => {
		expect(isValidCustomValue(cost, 4)).toBe(true);
		expect(isValidCustomValue(cost, '4')).toBe(false);
		expect(isValidCustomValue(size, 'L')).toBe(true);
		expect(isValidCustomValue(size, 'XL')).toBe(false);
		expect(isValidCustomValue(visit, 'soon')).toBe(false);
		expect(isValidCustomValue(note, null)).toBe(true);
	});
});

describe('schemas', () => {
	const base = device('a1', 'alice');
	const task = createTask(
		{ project: 'project:01J0000000000000000000000P', title: 'Pumps', rank: 'a0' },
		base.ctx(),
		'task:01J0000000000000000000000T'
	);

	it('accept custom values of the allowed shapes and refuse others', () => {
		expect(taskSchema.safeParse({ ...task, custom: { size: 'M', cost: 3, x: null } }).success).toBe(
			true
		);
		expect(taskSchema.safeParse({ ...task, custom: { 'Bad Id': 'x' } }).success).toBe(false);
		expect(taskSchema.safeParse({ ...task, custom: { note: { a: 1 } } }).success).toBe(false);
		expect(taskSchema.safeParse({ ...task, custom: { note: 'x'.repeat(501) } }).success).toBe(
			false
		);
	});

	it('accept field definitions on projects and refuse unknown types', () => {
		const project = {
			_id: 'project:01J0000000000000000000000P',
			type: 'project',
			name: 'Pumps',
			description: '',
			color: 'blue',
			archived: false,
			clocks: {},
			createdBy: 'alice',
			createdAt: new Date(T0).toISOString(),
			updatedAt: new Date(T0).toISOString()
		};
		expect(projectSchema.safeParse({ ...project, fields: [size, cost, visit, note] }).success).toBe(
			true
		);
		const bad = { ...project, fields: [{ id: 'x', name: 'X', type: 'colour' }] };
		expect(projectSchema.safeParse(bad).success).toBe(false);
	});
});

describe('custom values under concurrent edits', () => {
	function fork() {
		const alice = device('alice1', 'alice');
		const bob = device('bob1', 'bob', T0 + 5);
		const base: Task = {
			...createTask(
				{ project: 'project:01J0000000000000000000000P', title: 'Pumps', rank: 'a0' },
				alice.ctx(),
				'task:01J0000000000000000000000T'
			),
			_rev: '1-a'
		};
		alice.advance(1000);
		bob.advance(1000);
		return { alice, bob, base };
	}

	it('stamps only the edited field and leaves the task alone when nothing changes', () => {
		const { alice, base } = fork();
		const { task, changes } = setCustomValue(base, 'size', 'M', alice.ctx());
		expect(task.custom).toEqual({ size: 'M' });
		expect(Object.keys(task.clocks).filter((k) => k.startsWith('custom.'))).toEqual([
			'custom.size'
		]);
		expect(changes).toEqual([{ field: 'custom.size', from: null, to: 'M' }]);
		expect(setCustomValue(task, 'size', 'M', alice.ctx()).task).toBe(task);
	});

	it('keeps both edits when two devices set different fields', () => {
		const { alice, bob, base } = fork();
		const a = alice.set(base, 'size', 'L', '2-a');
		const b = bob.set(base, 'cost', 120, '2-b');
		for (const order of [
			[a, b],
			[b, a]
		]) {
			const { task, lost } = mergeTaskRevisions(order);
			expect(task.custom).toEqual({ size: 'L', cost: 120 });
			expect(lost).toEqual([]);
			expect(validationErrors(task)).toBeNull();
		}
	});

	it('keeps the later edit of one field, reports the other, the same on every device', () => {
		const { alice, bob, base } = fork();
		const a = alice.set(base, 'size', 'S', '2-a');
		bob.advance(10);
		const b = bob.set(base, 'size', 'L', '2-b');
		const one = mergeTaskRevisions([a, b]);
		const two = mergeTaskRevisions([b, a]);
		expect(one.task.custom).toEqual({ size: 'L' });
		expect(JSON.stringify(two.task)).toBe(JSON.stringify(one.task));
		expect(one.lost).toMatchObject([{ field: 'custom.size', value: 'S', kept: 'L', by: 'alice' }]);
	});

	it('lets a later clear win over an earlier value', () => {
		const { alice, bob, base } = fork();
		const withSize = alice.set(base, 'size', 'M', '2-a');
		const a = alice.set(withSize, 'cost', 5, '3-a');
		bob.advance(50);
		const b = bob.set({ ...withSize, _rev: '2-a' }, 'size', null, '3-b');
		const { task } = mergeTaskRevisions([a, b]);
		expect(task.custom).toEqual({ cost: 5 });
		expect(task.clocks['custom.size']).toBe(b.clocks['custom.size']);
	});
});
