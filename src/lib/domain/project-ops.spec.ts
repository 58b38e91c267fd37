import { describe, expect, it } from 'vitest';
import { newProjectId, ULID_PATTERN } from './ids';
import { applyProjectPatch, createProject } from './project-ops';
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
const FIELDS = ['name', 'description', 'color', 'archived'];

describe('createProject', () => {
	it('fills defaults', () => {
		const project = createProject({ name: 'Launch' }, created);
		expect(project).toEqual({
			_id: project._id,
			type: 'project',
			name: 'Launch',
			description: '',
			color: 'blue',
			archived: false,
			clocks: Object.fromEntries(FIELDS.map((f) => [f, created.stamp])),
			createdBy: 'alice',
			createdAt: created.now,
			updatedAt: created.now
		});
		expect(project._id).toMatch(new RegExp(`^project:${ULID_PATTERN}$`));
	});

	it('keeps given values, trims the name and uses a given id', () => {
		const id = newProjectId();
		const project = createProject(
			{ name: '  Launch  ', description: ' Q3 ', color: 'teal' },
			created,
			id
		);
		expect(project).toMatchObject({ _id: id, name: 'Launch', description: ' Q3 ', color: 'teal' });
	});

	it('makes a valid document', () => {
		expect(validationErrors(createProject({ name: 'Launch' }, created))).toBeNull();
	});
});

describe('applyProjectPatch', () => {
	const base = () => createProject({ name: 'Launch', color: 'green' }, created);

	it('returns the same object when nothing changes', () => {
		const project = base();
		const empty = applyProjectPatch(project, {}, later);
		expect(empty.project).toBe(project);
		expect(empty.changes).toEqual([]);
		const same = applyProjectPatch(
			project,
			{ name: ' Launch ', color: 'green', archived: false, description: '' },
			later
		);
		expect(same.project).toBe(project);
		expect(same.changes).toEqual([]);
	});

	it('stamps only the changed fields and records the changes', () => {
		const project = base();
		const { project: next, changes } = applyProjectPatch(
			project,
			{ name: ' Relaunch ', color: 'green', archived: true },
			later
		);
		expect(next).not.toBe(project);
		expect(next.name).toBe('Relaunch');
		expect(next.archived).toBe(true);
		expect(next.clocks).toEqual({
			name: later.stamp,
			description: created.stamp,
			color: created.stamp,
			archived: later.stamp
		});
		expect(changes).toEqual([
			{ field: 'name', from: 'Launch', to: 'Relaunch' },
			{ field: 'archived', from: false, to: true }
		]);
		expect(next.updatedAt).toBe(later.now);
		expect(next.createdAt).toBe(created.now);
		expect(next.createdBy).toBe('alice');
	});

	it('leaves the input project untouched', () => {
		const project = base();
		const before = structuredClone(project);
		applyProjectPatch(project, { name: 'x', color: 'red', archived: true }, later);
		expect(project).toEqual(before);
	});

	it('recolours and un-archives', () => {
		const archived = applyProjectPatch(base(), { archived: true }, later).project;
		const { project, changes } = applyProjectPatch(
			archived,
			{ archived: false, color: 'purple' },
			created
		);
		expect(project.archived).toBe(false);
		expect(project.color).toBe('purple');
		expect(changes.map((c) => c.field)).toEqual(['color', 'archived']);
	});

	it('produces a valid document', () => {
		const { project } = applyProjectPatch(base(), { name: 'New', description: 'd' }, later);
		expect(validationErrors(project)).toBeNull();
	});
});
