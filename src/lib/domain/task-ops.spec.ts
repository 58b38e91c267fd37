import { describe, expect, it } from 'vitest';
import { newProjectId, newTaskId, ULID_PATTERN } from './ids';
import { TASK_EDITABLE_FIELDS, taskSchema, type Task } from './schemas/task.schema';
import { applyTaskPatch, createTask, normaliseTags, type NewTaskInput } from './task-ops';
import { validationErrors } from './validation';
import type { WriteContext } from './write-context';

const created: WriteContext = {
	user: 'alice',
	now: '2024-06-12T09:00:00.000Z',
	stamp: '00000000a-0000-r1'
};
const later: WriteContext = {
	user: 'bob',
	now: '2024-06-13T10:30:00.000Z',
	stamp: '00000000b-0003-r2'
};
const project = newProjectId();

const input = (extra: Partial<NewTaskInput> = {}): NewTaskInput => ({
	project,
	title: 'Write the spec',
	rank: 'a0',
	...extra
});

describe('normaliseTags', () => {
	it('trims, drops empty tags and keeps first-seen order', () => {
		expect(normaliseTags(['  ui ', '', '   ', 'api'])).toEqual(['ui', 'api']);
	});

	it('deduplicates case-insensitively, keeping the first spelling', () => {
		expect(normaliseTags(['UI', 'ui', 'Ui', 'api'])).toEqual(['UI', 'api']);
	});

	it('removes commas, which separate tags in the input box', () => {
		expect(normaliseTags(['a,b', ',', ',,x'])).toEqual(['ab', 'x']);
	});

	it('trims the whitespace a removed comma exposes', () => {
		expect(normaliseTags([', backend', 'api ,', 'api'])).toEqual(['backend', 'api']);
	});

	it('gives tags the task schema accepts', () => {
		const tags = normaliseTags([' , spaced out ', 'x,', ' y ', 'a, b', ', ,']);
		expect(tags).toEqual(['spaced out', 'x', 'y', 'a b']);
		expect(taskSchema.shape.tags.safeParse(tags).success).toBe(true);
	});
});

describe('createTask', () => {
	it('fills defaults for everything not given', () => {
		const task = createTask(input(), created);
		expect(task).toMatchObject({
			type: 'task',
			project,
			title: 'Write the spec',
			description: '',
			status: 'todo',
			priority: 'medium',
			assignee: null,
			reporter: 'alice',
			due: null,
			start: null,
			estimate: null,
			tags: [],
			parent: null,
			dependencies: [],
			rank: 'a0',
			completedAt: null,
			deletedAt: null,
			createdBy: 'alice',
			createdAt: created.now,
			updatedAt: created.now
		});
		expect(task._id).toMatch(new RegExp(`^task:${ULID_PATTERN}$`));
		expect(task).not.toHaveProperty('suggestions');
	});

	it('keeps given values', () => {
		const parent = newTaskId();
		const task = createTask(
			input({
				description: 'details',
				status: 'in_progress',
				priority: 'urgent',
				assignee: 'bob',
				due: '2024-07-01',
				start: '2024-06-20',
				estimate: 3.5,
				tags: ['ui'],
				parent
			}),
			created
		);
		expect(task).toMatchObject({
			description: 'details',
			status: 'in_progress',
			priority: 'urgent',
			assignee: 'bob',
			due: '2024-07-01',
			start: '2024-06-20',
			estimate: 3.5,
			tags: ['ui'],
			parent
		});
	});

	it('uses a given id', () => {
		const id = newTaskId();
		expect(createTask(input(), created, id)._id).toBe(id);
	});

	it('stamps every editable field with the write clock', () => {
		const task = createTask(input(), created);
		expect(Object.keys(task.clocks).sort()).toEqual([...TASK_EDITABLE_FIELDS].sort());
		expect(new Set(Object.values(task.clocks))).toEqual(new Set([created.stamp]));
	});

	it('trims the title and normalises tags', () => {
		const task = createTask(input({ title: '  Padded\t', tags: [' a ', 'A', ''] }), created);
		expect(task.title).toBe('Padded');
		expect(task.tags).toEqual(['a']);
	});

	it('marks a task created as done as completed now', () => {
		expect(createTask(input({ status: 'done' }), created).completedAt).toBe(created.now);
	});

	it('does not share arrays with its input', () => {
		const tags = ['x'];
		const task = createTask(input({ tags }), created);
		tags.push('y');
		expect(task.tags).toEqual(['x']);
	});

	it('makes a valid document', () => {
		expect(validationErrors(createTask(input(), created))).toBeNull();
	});
});

describe('applyTaskPatch', () => {
	const base = (): Task => createTask(input({ tags: ['ui'], assignee: 'alice' }), created);

	it('returns the same object and no changes for an empty patch', () => {
		const task = base();
		const result = applyTaskPatch(task, {}, later);
		expect(result.task).toBe(task);
		expect(result.changes).toEqual([]);
	});

	it('returns the same object when every patched value equals the current one', () => {
		const task = base();
		const result = applyTaskPatch(
			task,
			{ title: task.title, tags: ['ui'], assignee: 'alice', status: 'todo', due: null },
			later
		);
		expect(result.task).toBe(task);
		expect(result.changes).toEqual([]);
	});

	it('treats a title that differs only in surrounding space as unchanged', () => {
		const task = base();
		expect(applyTaskPatch(task, { title: `  ${task.title} ` }, later).task).toBe(task);
	});

	it('treats tags that normalise to the current ones as unchanged', () => {
		const task = base();
		expect(applyTaskPatch(task, { tags: [' ui', 'UI', ''] }, later).task).toBe(task);
	});

	it('stamps only the changed fields and records each change', () => {
		const task = base();
		const { task: next, changes } = applyTaskPatch(
			task,
			{ title: 'Renamed', priority: 'medium', estimate: 2 },
			later
		);
		expect(next).not.toBe(task);
		expect(next.title).toBe('Renamed');
		expect(next.estimate).toBe(2);
		expect(next.clocks.title).toBe(later.stamp);
		expect(next.clocks.estimate).toBe(later.stamp);
		expect(next.clocks.priority).toBe(created.stamp);
		for (const field of TASK_EDITABLE_FIELDS) {
			if (field !== 'title' && field !== 'estimate') {
				expect(next.clocks[field], field).toBe(created.stamp);
			}
		}
		expect(changes).toEqual([
			{ field: 'title', from: 'Write the spec', to: 'Renamed' },
			{ field: 'estimate', from: null, to: 2 }
		]);
		expect(next.updatedAt).toBe(later.now);
	});

	it('leaves the input task untouched', () => {
		const task = base();
		const before = structuredClone(task);
		applyTaskPatch(task, { title: 'x', status: 'done', tags: ['a'] }, later);
		expect(task).toEqual(before);
	});

	it('keeps creation fields', () => {
		const next = applyTaskPatch(base(), { title: 'x' }, later).task;
		expect(next.createdBy).toBe('alice');
		expect(next.createdAt).toBe(created.now);
		expect(next.reporter).toBe('alice');
	});

	it('trims a patched title and normalises patched tags', () => {
		const { task, changes } = applyTaskPatch(
			base(),
			{ title: '  New  ', tags: ['ui', ' API ', 'api'] },
			later
		);
		expect(task.title).toBe('New');
		expect(task.tags).toEqual(['ui', 'API']);
		expect(changes).toContainEqual({ field: 'tags', from: ['ui'], to: ['ui', 'API'] });
	});

	it('sets completedAt when the status becomes done', () => {
		const { task, changes } = applyTaskPatch(base(), { status: 'done' }, later);
		expect(task.status).toBe('done');
		expect(task.completedAt).toBe(later.now);
		expect(task.clocks.completedAt).toBe(later.stamp);
		expect(changes.map((c) => c.field)).toEqual(['status', 'completedAt']);
	});

	it('clears completedAt when a done task is reopened', () => {
		const done = applyTaskPatch(base(), { status: 'done' }, later).task;
		const reopenCtx = { ...later, now: '2024-06-14T08:00:00.000Z', stamp: '00000000c-0000-r2' };
		const { task, changes } = applyTaskPatch(done, { status: 'review' }, reopenCtx);
		expect(task.completedAt).toBeNull();
		expect(task.clocks.completedAt).toBe(reopenCtx.stamp);
		expect(changes).toContainEqual({ field: 'completedAt', from: later.now, to: null });
	});

	it('does not touch completedAt when moving between open statuses', () => {
		const { task } = applyTaskPatch(base(), { status: 'in_progress' }, later);
		expect(task.completedAt).toBeNull();
		expect(task.clocks.completedAt).toBe(created.stamp);
	});

	it('keeps the original completion time when status is re-sent as done', () => {
		const done = applyTaskPatch(base(), { status: 'done' }, later).task;
		const again = applyTaskPatch(
			done,
			{ status: 'done' },
			{ ...later, now: '2030-01-01T00:00:00Z' }
		);
		expect(again.task).toBe(done);
	});

	it('soft-deletes and restores through deletedAt', () => {
		const deleted = applyTaskPatch(base(), { deletedAt: later.now }, later).task;
		expect(deleted.deletedAt).toBe(later.now);
		expect(deleted.clocks.deletedAt).toBe(later.stamp);
		const restored = applyTaskPatch(deleted, { deletedAt: null }, created).task;
		expect(restored.deletedAt).toBeNull();
	});

	it('compares arrays by value', () => {
		const dep = newTaskId();
		const withDep = applyTaskPatch(base(), { dependencies: [dep] }, later).task;
		expect(applyTaskPatch(withDep, { dependencies: [dep] }, created).task).toBe(withDep);
		const reordered = applyTaskPatch(withDep, { dependencies: [dep, newTaskId()] }, created);
		expect(reordered.changes).toHaveLength(1);
	});

	it('produces a valid document', () => {
		const { task } = applyTaskPatch(
			base(),
			{ status: 'done', priority: 'high', due: '2024-06-20', tags: ['a, b', ', c', 'd ,'] },
			later
		);
		expect(validationErrors(task)).toBeNull();
	});
});
