import { describe, expect, it } from 'vitest';
import { newActivityId, newCommentId, newProjectId, newTaskId } from './ids';
import { createProject } from './project-ops';
import type { Activity } from './schemas/activity.schema';
import type { Comment } from './schemas/comment.schema';
import { isWorkspaceDocType } from './schemas/doc-schemas';
import { createTask } from './task-ops';
import { assertValid, ValidationError, validationErrors } from './validation';
import type { WriteContext } from './write-context';

const ctx: WriteContext = {
	user: 'alice',
	now: '2024-06-12T09:00:00.000Z',
	stamp: '00000000a-0000-r1'
};

const project = () => createProject({ name: 'Launch' }, ctx);
const task = () => createTask({ project: newProjectId(), title: 'Ship it', rank: 'a0' }, ctx);
const comment = (): Comment => {
	const t = newTaskId();
	return {
		_id: newCommentId(t),
		type: 'comment',
		task: t,
		body: 'Looks good',
		author: 'alice',
		editedAt: null,
		createdBy: 'alice',
		createdAt: ctx.now,
		updatedAt: ctx.now
	};
};
const activity = (): Activity => ({
	_id: newActivityId(),
	type: 'activity',
	action: 'update',
	doc: newTaskId(),
	task: newTaskId(),
	project: newProjectId(),
	field: 'title',
	from: 'a',
	to: 'b',
	actor: 'alice',
	at: ctx.now,
	createdBy: 'alice'
});

/** `doc` with `changes` applied shallowly (a value of `undefined` deletes the field). */
function withFields(doc: object, changes: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = { ...doc };
	for (const [k, v] of Object.entries(changes)) {
		if (v === undefined) delete out[k];
		else out[k] = v;
	}
	return out;
}

describe('validationErrors on valid documents', () => {
	it.each([
		['project', project],
		['task', task],
		['comment', comment],
		['activity', activity]
	])('accepts a fresh %s', (_type, make) => {
		expect(validationErrors(make())).toBeNull();
	});

	it('accepts CouchDB fields, times with offsets and optional suggestions', () => {
		const doc = withFields(task(), {
			_rev: '3-abc',
			due: '2024-07-01',
			estimate: 0,
			completedAt: '2024-06-12T11:00:00+02:00',
			suggestions: [
				{ field: 'priority', value: 'high', confidence: 0.8, model: 'm', accepted: null }
			]
		});
		expect(validationErrors(doc)).toBeNull();
	});

	it('accepts an activity without from/to and with null links', () => {
		const doc = withFields(activity(), {
			action: 'create',
			field: null,
			task: null,
			project: null,
			from: undefined,
			to: undefined
		});
		expect(validationErrors(doc)).toBeNull();
	});
});

describe('validationErrors on invalid documents', () => {
	it('names an unknown or missing type', () => {
		expect(validationErrors({ type: 'user' })).toEqual({ type: 'unknown document type user' });
		expect(validationErrors({})).toEqual({ type: 'unknown document type undefined' });
		// Inherited properties must not count as document types.
		expect(validationErrors({ type: 'toString' })).toHaveProperty('type');
		expect(isWorkspaceDocType('constructor')).toBe(false);
	});

	it.each<[string, Record<string, unknown>, string, RegExp]>([
		['a blank title', { title: '   ' }, 'title', /required/],
		['an empty title', { title: '' }, 'title', /required/],
		['a long title', { title: 'x'.repeat(201) }, 'title', /at most 200/],
		['a long description', { description: 'x'.repeat(20_001) }, 'description', /at most 20000/],
		['an unknown status', { status: 'blocked' }, 'status', /./],
		['an unknown priority', { priority: 'p0' }, 'priority', /./],
		['a bad assignee', { assignee: 'Not Valid' }, 'assignee', /invalid user name/],
		['a missing reporter', { reporter: undefined }, 'reporter', /./],
		['a badly formatted due date', { due: '12/06/2024' }, 'due', /invalid date/],
		['a due time instead of a date', { due: '2024-06-12T00:00:00Z' }, 'due', /invalid date/],
		['a negative estimate', { estimate: -1 }, 'estimate', /./],
		['a string estimate', { estimate: '3' }, 'estimate', /./],
		['a tag with a comma', { tags: ['a,b'] }, 'tags.0', /invalid tag/],
		['a tag with leading space', { tags: ['ok', ' x'] }, 'tags.1', /invalid tag/],
		['too many tags', { tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }, 'tags', /./],
		['a parent that is not a task id', { parent: 'project:x' }, 'parent', /./],
		['a bad dependency', { dependencies: ['nope'] }, 'dependencies.0', /./],
		['an empty rank', { rank: '' }, 'rank', /./],
		['a bad completion time', { completedAt: 'yesterday' }, 'completedAt', /invalid time/],
		['a bad clock', { clocks: { title: 'nope' } }, 'clocks.title', /./],
		['a bad id', { _id: 'task:lowercase' }, '_id', /./],
		['a project id as a project', { project: 'task:x' }, 'project', /./],
		['a bad creation time', { createdAt: '2024-06-12' }, 'createdAt', /invalid time/]
	])('rejects a task with %s', (_what, change, field, message) => {
		const errors = validationErrors(withFields(task(), change));
		expect(errors).not.toBeNull();
		expect(Object.keys(errors!)).toEqual([field]);
		expect(errors![field]).toMatch(message);
	});

	it.each<[string, Record<string, unknown>, string]>([
		['a blank name', { name: ' ' }, 'name'],
		['an unknown colour', { color: 'pink' }, 'color'],
		['a string for archived', { archived: 'no' }, 'archived'],
		['a task id', { _id: newTaskId() }, '_id'],
		['a bad creator', { createdBy: '-x' }, 'createdBy']
	])('rejects a project with %s', (_what, change, field) => {
		expect(Object.keys(validationErrors(withFields(project(), change)) ?? {})).toEqual([field]);
	});

	it.each<[string, Record<string, unknown>, string]>([
		['an empty body', { body: '' }, 'body'],
		['a body over 10000 characters', { body: 'x'.repeat(10_001) }, 'body'],
		['an id not under a task', { _id: newTaskId() }, '_id'],
		['a bad edit time', { editedAt: 'now' }, 'editedAt']
	])('rejects a comment with %s', (_what, change, field) => {
		expect(Object.keys(validationErrors(withFields(comment(), change)) ?? {})).toEqual([field]);
	});

	it.each<[string, Record<string, unknown>, string]>([
		['an unknown action', { action: 'explode' }, 'action'],
		['an empty doc', { doc: '' }, 'doc'],
		['a long field name', { field: 'f'.repeat(41) }, 'field'],
		['a bad actor', { actor: 'A' }, 'actor'],
		['a missing time', { at: undefined }, 'at']
	])('rejects an activity with %s', (_what, change, field) => {
		expect(Object.keys(validationErrors(withFields(activity(), change)) ?? {})).toEqual([field]);
	});

	it('reports every bad field, each once', () => {
		const errors = validationErrors(
			withFields(task(), { title: '', status: 'x', tags: ['a,b', 'c,d'] })
		);
		expect(Object.keys(errors!).sort()).toEqual(['status', 'tags.0', 'tags.1', 'title']);
		// Both `min(1)` and the non-blank regex fail for '': only the first message is kept.
		expect(errors!.title).toBe('required');
	});

	it('validates against the schema named by the type field', () => {
		const asProject = withFields(task(), { type: 'project' });
		const errors = validationErrors(asProject);
		expect(errors).toHaveProperty('_id');
		expect(errors).toHaveProperty('name');
	});
});

describe('assertValid', () => {
	it('passes a valid document', () => {
		expect(() => assertValid(task())).not.toThrow();
	});

	it('throws a ValidationError carrying the field messages', () => {
		const doc = withFields(task(), { title: '', due: 'soon' });
		let caught: unknown;
		try {
			assertValid(doc);
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(ValidationError);
		const error = caught as ValidationError;
		expect(error.name).toBe('ValidationError');
		expect(error.fields).toEqual({ title: 'required', due: 'invalid date (YYYY-MM-DD)' });
		expect(error.message).toBe('title: required; due: invalid date (YYYY-MM-DD)');
	});
});
