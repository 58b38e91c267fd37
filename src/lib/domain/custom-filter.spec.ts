import { describe, expect, it } from 'vitest';
import { isConditionActive, matchesCustom, type CustomCondition } from './custom-filter';
import type { Task } from './schemas/task.schema';
import { emptyFilter, isFilterActive, taskMatcher } from './task-filter';

const task = (custom: Task['custom']): Task =>
	({
		_id: 'task:01J0000000000000000000000T',
		type: 'task',
		title: 'Pumps',
		description: '',
		status: 'todo',
		priority: 'medium',
		assignee: null,
		tags: [],
		due: null,
		estimate: null,
		custom
	}) as unknown as Task;

describe('matchesCustom', () => {
	const t = task({ size: 'M', cost: 120, visit: '2026-03-09', note: 'Ölfilter tauschen' });

	it('matches select by option, text by accent-free substring', () => {
		expect(matchesCustom(t, { size: { kind: 'select', value: 'M' } })).toBe(true);
		expect(matchesCustom(t, { size: { kind: 'select', value: 'L' } })).toBe(false);
		expect(matchesCustom(t, { note: { kind: 'text', contains: 'olfilter' } })).toBe(true);
		expect(matchesCustom(t, { note: { kind: 'text', contains: 'pump' } })).toBe(false);
	});

	it('matches numbers and dates within inclusive, possibly open bounds', () => {
		expect(matchesCustom(t, { cost: { kind: 'number', min: 120, max: null } })).toBe(true);
		expect(matchesCustom(t, { cost: { kind: 'number', min: null, max: 119.5 } })).toBe(false);
		expect(matchesCustom(t, { cost: { kind: 'number', min: 100, max: 120 } })).toBe(true);
		const date = (after: string | null, before: string | null): CustomCondition => ({
			kind: 'date',
			after,
			before
		});
		expect(matchesCustom(t, { visit: date('2026-03-09', null) })).toBe(true);
		expect(matchesCustom(t, { visit: date(null, '2026-03-08') })).toBe(false);
		expect(matchesCustom(t, { visit: date('2026-03-01', '2026-03-31') })).toBe(true);
	});

	it('never matches an unset value, and needs every condition', () => {
		expect(matchesCustom(task(undefined), { size: { kind: 'select', value: 'M' } })).toBe(false);
		expect(
			matchesCustom(t, {
				size: { kind: 'select', value: 'M' },
				cost: { kind: 'number', min: 500, max: null }
			})
		).toBe(false);
		expect(matchesCustom(t, undefined)).toBe(true);
	});

	it('works inside the task matcher and counts as an active filter', () => {
		const f = { ...emptyFilter(), custom: { size: { kind: 'select', value: 'M' } as const } };
		expect(isFilterActive(emptyFilter())).toBe(false);
		expect(isFilterActive(f)).toBe(true);
		const match = taskMatcher(f, '2026-03-01');
		expect(match(t)).toBe(true);
		expect(match(task({ size: 'S' }))).toBe(false);
	});
});

describe('isConditionActive', () => {
	it('knows when a condition filters nothing', () => {
		expect(isConditionActive({ kind: 'number', min: null, max: null })).toBe(false);
		expect(isConditionActive({ kind: 'text', contains: ' ' })).toBe(false);
		expect(isConditionActive({ kind: 'date', after: '2026-01-01', before: null })).toBe(true);
	});
});
