import { describe, expect, it } from 'vitest';
import { newProjectId } from './ids';
import type { Task } from './schemas/task.schema';
import {
	emptyFilter,
	isFilterActive,
	matchesDue,
	matchesText,
	matchesTracked,
	searchTerms,
	taskMatcher,
	type TaskFilter
} from './task-filter';
import { createTask, type NewTaskInput } from './task-ops';
import type { WriteContext } from './write-context';

const ctx: WriteContext = {
	user: 'alice',
	now: '2024-06-12T09:00:00.000Z',
	stamp: '00000000a-0000-r1'
};
const project = newProjectId();
/** A Wednesday: its Monday-based week ends on Sunday 2024-06-16. */
const TODAY = '2024-06-12';

const task = (input: Partial<NewTaskInput> = {}): Task =>
	createTask({ project, title: 'A task', rank: 'a0', ...input }, ctx);

const filter = (f: Partial<TaskFilter>): TaskFilter => ({ ...emptyFilter(), ...f });

/** Titles of the tasks `f` keeps, in input order. */
const kept = (tasks: Task[], f: Partial<TaskFilter>, today = TODAY) =>
	tasks.filter(taskMatcher(filter(f), today)).map((t) => t.title);

describe('isFilterActive', () => {
	it('is false for the empty filter and for blank text', () => {
		expect(isFilterActive(emptyFilter())).toBe(false);
		expect(isFilterActive(filter({ text: '  \t ' }))).toBe(false);
	});

	it.each<Partial<TaskFilter>>([
		{ statuses: ['done'] },
		{ priorities: ['low'] },
		{ assignees: [''] },
		{ tags: ['x'] },
		{ due: 'none' },
		{ text: 'x' }
	])('is true for %j', (f) => {
		expect(isFilterActive(filter(f))).toBe(true);
	});

	it('gives a fresh filter each time', () => {
		const a = emptyFilter();
		a.tags.push('x');
		expect(emptyFilter().tags).toEqual([]);
	});
});

describe('searchTerms', () => {
	it('lowercases, strips accents and splits on whitespace', () => {
		expect(searchTerms('  Crème  BRÛLÉE\tnaïve\n')).toEqual(['creme', 'brulee', 'naive']);
	});

	it('gives no terms for blank text', () => {
		expect(searchTerms('   ')).toEqual([]);
		expect(searchTerms('')).toEqual([]);
	});
});

describe('matchesText', () => {
	const t = task({
		title: 'Réviser le Café',
		description: 'Check the **roadmap** with Zoë',
		tags: ['Backend', 'urgent-fix'],
		assignee: 'bob.smith'
	});

	it('matches everything with no terms', () => {
		expect(matchesText(t, [])).toBe(true);
	});

	it.each([
		['title, accent-insensitively', 'reviser'],
		['title with accents typed', 'café'],
		['title, case-insensitively', 'CAFE'],
		['description', 'roadmap'],
		['description with a diaeresis', 'zoe'],
		['a tag', 'backend'],
		['part of a tag', 'fix'],
		['the assignee', 'bob.smith']
	])('finds a term in the %s', (_where, text) => {
		expect(matchesText(t, searchTerms(text))).toBe(true);
	});

	it('needs every term to occur, in any field and any order', () => {
		expect(matchesText(t, searchTerms('roadmap café bob'))).toBe(true);
		expect(matchesText(t, searchTerms('roadmap missing'))).toBe(false);
	});

	it('does not match a term found nowhere', () => {
		expect(matchesText(t, searchTerms('frontend'))).toBe(false);
	});

	it('does not match text spanning two fields', () => {
		// Fields are joined with newlines so a term cannot straddle them.
		expect(matchesText(t, searchTerms('cafécheck'))).toBe(false);
	});

	it('matches precomposed and decomposed accents alike', () => {
		const decomposed = task({ title: 'Cafe\u0301' });
		expect(matchesText(decomposed, searchTerms('caf\u00e9'))).toBe(true);
		expect(matchesText(t, searchTerms('Cafe\u0301'))).toBe(true);
	});
});

describe('matchesDue', () => {
	const due = (d: string | null, status: Task['status'] = 'todo') => task({ due: d, status });

	it('matches every task with no due filter', () => {
		expect(matchesDue(due(null), null, TODAY)).toBe(true);
		expect(matchesDue(due('2000-01-01'), null, TODAY)).toBe(true);
	});

	it("'none' matches only tasks without a due date", () => {
		expect(matchesDue(due(null), 'none', TODAY)).toBe(true);
		expect(matchesDue(due(TODAY), 'none', TODAY)).toBe(false);
	});

	it("'overdue' matches open tasks due before today", () => {
		expect(matchesDue(due('2024-06-11'), 'overdue', TODAY)).toBe(true);
		expect(matchesDue(due('2023-12-31'), 'overdue', TODAY)).toBe(true);
		expect(matchesDue(due(TODAY), 'overdue', TODAY)).toBe(false);
		expect(matchesDue(due('2024-06-13'), 'overdue', TODAY)).toBe(false);
		expect(matchesDue(due(null), 'overdue', TODAY)).toBe(false);
	});

	it("'overdue' leaves out finished tasks", () => {
		expect(matchesDue(due('2024-06-11', 'done'), 'overdue', TODAY)).toBe(false);
		expect(matchesDue(due('2024-06-11', 'review'), 'overdue', TODAY)).toBe(true);
	});

	it("'today' matches exactly today", () => {
		expect(matchesDue(due(TODAY), 'today', TODAY)).toBe(true);
		expect(matchesDue(due('2024-06-11'), 'today', TODAY)).toBe(false);
		expect(matchesDue(due('2024-06-13'), 'today', TODAY)).toBe(false);
		expect(matchesDue(due(null), 'today', TODAY)).toBe(false);
	});

	it("'week' matches today through Sunday", () => {
		expect(matchesDue(due('2024-06-11'), 'week', TODAY)).toBe(false);
		expect(matchesDue(due(TODAY), 'week', TODAY)).toBe(true);
		expect(matchesDue(due('2024-06-16'), 'week', TODAY)).toBe(true);
		expect(matchesDue(due('2024-06-17'), 'week', TODAY)).toBe(false);
		expect(matchesDue(due(null), 'week', TODAY)).toBe(false);
	});

	it("'week' on a Sunday is just that day", () => {
		expect(matchesDue(due('2024-06-16'), 'week', '2024-06-16')).toBe(true);
		expect(matchesDue(due('2024-06-17'), 'week', '2024-06-16')).toBe(false);
	});

	it("'week' spans a month end", () => {
		expect(matchesDue(due('2024-07-01'), 'week', '2024-06-28')).toBe(false);
		expect(matchesDue(due('2024-06-30'), 'week', '2024-06-28')).toBe(true);
		expect(matchesDue(due('2024-11-03'), 'week', '2024-10-30')).toBe(true);
	});
});

describe('taskMatcher', () => {
	const tasks = [
		task({ title: 'one', status: 'todo', priority: 'low', assignee: 'alice', tags: ['UI'] }),
		task({ title: 'two', status: 'in_progress', priority: 'high', assignee: 'bob', tags: ['api'] }),
		task({ title: 'three', status: 'done', priority: 'urgent', tags: ['api', 'ui'] }),
		task({ title: 'four', status: 'review', priority: 'medium', assignee: 'alice', due: TODAY })
	];

	it('keeps every task for the empty filter', () => {
		expect(kept(tasks, {})).toEqual(['one', 'two', 'three', 'four']);
	});

	it('filters by any of several statuses', () => {
		expect(kept(tasks, { statuses: ['done'] })).toEqual(['three']);
		expect(kept(tasks, { statuses: ['todo', 'review'] })).toEqual(['one', 'four']);
	});

	it('filters by priority', () => {
		expect(kept(tasks, { priorities: ['high', 'urgent'] })).toEqual(['two', 'three']);
	});

	it("filters by assignee, with '' for unassigned", () => {
		expect(kept(tasks, { assignees: ['alice'] })).toEqual(['one', 'four']);
		expect(kept(tasks, { assignees: [''] })).toEqual(['three']);
		expect(kept(tasks, { assignees: ['bob', ''] })).toEqual(['two', 'three']);
	});

	it('filters by any of several tags, case-insensitively', () => {
		expect(kept(tasks, { tags: ['ui'] })).toEqual(['one', 'three']);
		expect(kept(tasks, { tags: ['API'] })).toEqual(['two', 'three']);
		expect(kept(tasks, { tags: ['nope'] })).toEqual([]);
	});

	it('filters by due bucket', () => {
		expect(kept(tasks, { due: 'today' })).toEqual(['four']);
		expect(kept(tasks, { due: 'none' })).toEqual(['one', 'two', 'three']);
	});

	it('filters by text', () => {
		expect(kept(tasks, { text: 'T' })).toEqual(['two', 'three']);
		expect(kept(tasks, { text: 'api bob' })).toEqual(['two']);
	});

	it('combines dimensions with AND', () => {
		expect(kept(tasks, { assignees: ['alice'], statuses: ['review'] })).toEqual(['four']);
		expect(kept(tasks, { tags: ['api'], priorities: ['urgent'], text: 'thr' })).toEqual(['three']);
		expect(kept(tasks, { assignees: ['alice'], tags: ['api'] })).toEqual([]);
	});

	it('judges due dates against the given day', () => {
		expect(kept(tasks, { due: 'overdue' }, '2024-06-13')).toEqual(['four']);
		expect(kept(tasks, { due: 'overdue' }, TODAY)).toEqual([]);
	});
});

describe('matchesTracked', () => {
	const est = (estimate: number | null): Task => ({ ...task({ title: 'x' }), estimate });
	const minutes = (task: Task, m: number) => new Map([[task._id, m]]);

	it('keeps every task with no tracked filter', () => {
		expect(matchesTracked(est(null), null, new Map())).toBe(true);
	});

	it("'any' and 'none' split tasks by whether time was tracked", () => {
		const t = est(2);
		expect(matchesTracked(t, 'any', minutes(t, 5))).toBe(true);
		expect(matchesTracked(t, 'any', new Map())).toBe(false);
		expect(matchesTracked(t, 'none', new Map())).toBe(true);
		expect(matchesTracked(t, 'none', minutes(t, 5))).toBe(false);
	});

	it("'over' keeps tasks tracked beyond their estimate only", () => {
		const t = est(1.5);
		expect(matchesTracked(t, 'over', minutes(t, 91))).toBe(true);
		expect(matchesTracked(t, 'over', minutes(t, 90))).toBe(false);
		expect(matchesTracked(est(null), 'over', minutes(est(null), 600))).toBe(false);
	});

	it('is part of taskMatcher', () => {
		const t = est(1);
		const match = taskMatcher(filter({ tracked: 'over' }), TODAY, minutes(t, 61));
		expect(match(t)).toBe(true);
		expect(taskMatcher(filter({ tracked: 'over' }), TODAY)(t)).toBe(false);
	});
});
