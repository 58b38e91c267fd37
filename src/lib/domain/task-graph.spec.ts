import { describe, expect, it } from 'vitest';
import type { Task } from './schemas/task.schema';
import {
	chainText,
	dependencyCycle,
	dependentsOf,
	descendantsOf,
	openBlockers,
	parentLoops,
	subtaskIndex
} from './task-graph';

const task = (id: string, over: Partial<Task> = {}): Task =>
	({
		_id: `task:${id}`,
		title: id,
		status: 'todo',
		dependencies: [],
		parent: null,
		deletedAt: null,
		rank: 'a0',
		...over
	}) as Task;

const graph = (tasks: Task[]) => {
	const byId = new Map(tasks.map((t) => [t._id, t]));
	return { get: (id: string) => byId.get(id), all: tasks };
};

describe('dependencies', () => {
	// c depends on b, b depends on a.
	const a = task('a');
	const b = task('b', { dependencies: ['task:a'] });
	const c = task('c', { dependencies: ['task:b', 'task:gone', 'task:x'] });
	const x = task('x', { status: 'done' });
	const g = graph([a, b, c, x]);

	it('lists open blockers, ignoring done, missing and trashed ones', () => {
		expect(openBlockers(c, g.get).map((t) => t._id)).toEqual(['task:b']);
		expect(openBlockers(a, g.get)).toEqual([]);
		const trashedB = graph([a, { ...b, deletedAt: 'x' }, c]);
		expect(openBlockers(c, trashedB.get)).toEqual([]);
		expect(dependentsOf('task:b', g.all).map((t) => t._id)).toEqual(['task:c']);
	});

	it('finds the cycle a new link would close, with its chain', () => {
		expect(dependencyCycle('task:a', 'task:c', g.get)).toEqual(['task:c', 'task:b', 'task:a']);
		expect(chainText(['task:c', 'task:b', 'task:a'], (id) => id.slice(5))).toBe('c → b → a');
		expect(dependencyCycle('task:a', 'task:a', g.get)).toEqual(['task:a']);
		expect(dependencyCycle('task:c', 'task:a', g.get)).toBeNull();
		expect(dependencyCycle('task:x', 'task:c', g.get)).toEqual(['task:c', 'task:x']);
		expect(dependencyCycle('task:x', 'task:a', g.get)).toBeNull();
	});
});

describe('subtasks', () => {
	const p = task('p');
	const k1 = task('k1', { parent: 'task:p', status: 'done', rank: 'a2' });
	const k2 = task('k2', { parent: 'task:p', rank: 'a1' });
	const k3 = task('k3', { parent: 'task:p', deletedAt: 'x' });
	const gk = task('gk', { parent: 'task:k2' });
	const g = graph([p, k1, k2, k3, gk]);

	it('gives children by rank and the parent’s progress', () => {
		const idx = subtaskIndex(g.all);
		expect(idx.children('task:p').map((t) => t._id)).toEqual(['task:k2', 'task:k1']);
		expect(idx.progress('task:p')).toEqual({ done: 1, total: 2 });
		expect(idx.progress('task:k1')).toBeNull();
	});

	it('lists every descendant once, parents first', () => {
		const idx = subtaskIndex(g.all);
		expect(descendantsOf('task:p', idx).map((t) => t._id)).toEqual([
			'task:k2',
			'task:k1',
			'task:gk'
		]);
		expect(descendantsOf('task:gk', idx)).toEqual([]);
	});

	it('refuses a parent that is the task or one of its descendants', () => {
		expect(parentLoops('task:p', 'task:gk', g.get)).toBe(true);
		expect(parentLoops('task:p', 'task:p', g.get)).toBe(true);
		expect(parentLoops('task:k1', 'task:k2', g.get)).toBe(false);
	});
});
