import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HlcClock } from './hlc';
import type { Task } from './schemas/task.schema';
import { applyTaskPatch, createTask, type TaskPatch } from './task-ops';
import { mergeTaskRevisions } from './task-merge';
import { validationErrors } from './validation';

const T0 = Date.UTC(2026, 10, 1, 9);
/** A device: its own clock and user, writing through the real task operations. */
function device(replica: string, user: string, start = T0) {
	let now = start;
	const clock = new HlcClock(replica, () => now);
	const ctx = () => ({ user, now: new Date(now).toISOString(), stamp: clock.tick() });
	return {
		advance: (ms: number) => (now += ms),
		create: (title: string) =>
			createTask(
				{ project: 'project:01J0000000000000000000000P', title, rank: 'a0' },
				ctx(),
				'task:01J0000000000000000000000T'
			),
		edit: (t: Task, patch: TaskPatch, rev: string) => ({
			...applyTaskPatch(t, patch, ctx()).task,
			_rev: rev
		})
	};
}

function fork() {
	const alice = device('alice1', 'alice');
	const bob = device('bob1', 'bob', T0 + 5);
	const base: Task = {
		...alice.create('Pump check'),
		description: 'Check the pump.\nLog the pressure.',
		_rev: '1-a'
	};
	alice.advance(1000);
	bob.advance(1000);
	return { alice, bob, base };
}

describe('mergeTaskRevisions', () => {
	it('keeps both sides when they edited different fields', () => {
		const { alice, bob, base } = fork();
		const a = alice.edit(base, { priority: 'high' }, '2-a');
		const b = bob.edit(base, { title: 'Pump check (north)' }, '2-b');
		const { task, lost } = mergeTaskRevisions([a, b]);
		expect(task.priority).toBe('high');
		expect(task.title).toBe('Pump check (north)');
		expect(validationErrors(task)).toBeNull();
		// Each side only replaced values it had seen: nothing was raced, nothing is reported.
		expect(lost).toEqual([]);
		expect(task.merge ?? null).toBeNull();
	});

	it('reports only values edited on both sides, however many fields one side changed', () => {
		const { alice, bob, base } = fork();
		let a = alice.edit(base, { priority: 'high', due: '2026-11-20' }, '2-a');
		alice.advance(5);
		a = alice.edit(a, { description: 'Check the pump.\nLog it.', tags: ['north'] }, '3-a');
		bob.advance(10);
		const b = bob.edit(base, { priority: 'low', status: 'in_progress' }, '2-b');
		const { task, lost } = mergeTaskRevisions([a, b]);
		expect(lost.map((l) => [l.field, l.value])).toEqual([['priority', 'high']]);
		expect(task).toMatchObject({
			priority: 'low',
			status: 'in_progress',
			due: '2026-11-20',
			description: 'Check the pump.\nLog it.',
			tags: ['north']
		});
		expect(task.merge?.fields).toEqual(['priority']);
	});

	it('keeps the later edit of one field and reports the other', () => {
		const { alice, bob, base } = fork();
		const a = alice.edit(base, { title: 'By Alice' }, '2-a');
		bob.advance(10);
		const b = bob.edit(base, { title: 'By Bob' }, '2-b');
		const { task, lost } = mergeTaskRevisions([a, b]);
		expect(task.title).toBe('By Bob');
		expect(lost).toContainEqual(
			expect.objectContaining({ field: 'title', value: 'By Alice', kept: 'By Bob', by: 'alice' })
		);
		expect(task.merge).toMatchObject({
			fields: ['title'],
			with: ['alice', 'bob'],
			keptFromTrash: false
		});
	});

	it('merges concurrent edits to different parts of the description', () => {
		const { alice, bob, base } = fork();
		const a = alice.edit(
			base,
			{ description: 'Check the pump and valve.\nLog the pressure.' },
			'2-a'
		);
		const b = bob.edit(base, { description: 'Check the pump.\nLog the pressure twice.' }, '2-b');
		const { task, lost, changed } = mergeTaskRevisions([a, b]);
		expect(task.description).toBe('Check the pump and valve.\nLog the pressure twice.');
		// Written, said, and each side's own text restorable from the history.
		expect(changed).toBe(true);
		expect(task.merge).toMatchObject({ fields: ['description'], with: ['alice', 'bob'] });
		const sides = lost.filter((l) => l.field === 'description');
		expect(sides.map((l) => [l.by, l.value]).sort()).toEqual([
			['alice', 'Check the pump and valve.\nLog the pressure.'],
			['bob', 'Check the pump.\nLog the pressure twice.']
		]);
		expect(sides.every((l) => l.kept === task.description)).toBe(true);
	});

	it('keeps one wording when both changed the same words, the other is reported', () => {
		const { alice, bob, base } = fork();
		const a = alice.edit(base, { description: 'Check the motor.\nLog the pressure.' }, '2-a');
		bob.advance(10);
		const b = bob.edit(base, { description: 'Check the fan.\nLog the pressure.' }, '2-b');
		const { task, lost } = mergeTaskRevisions([a, b]);
		expect(task.description).toBe('Check the fan.\nLog the pressure.');
		expect(lost).toContainEqual(
			expect.objectContaining({
				field: 'description',
				value: 'Check the motor.\nLog the pressure.'
			})
		);
	});

	it('reports a value that lost to a concurrent edit which was itself replaced before they met', () => {
		const { alice, bob, base } = fork();
		const carol = device('carol1', 'carol', T0 + 2000);
		// Alice, offline, sets high; Bob sets low a moment later (concurrent with Alice).
		const a = alice.edit(base, { priority: 'high' }, '2-a');
		bob.advance(10);
		const b = bob.edit(base, { priority: 'low' }, '2-b');
		// Carol saw only Bob's low, and replaced it with urgent.
		const c = carol.edit(b, { priority: 'urgent' }, '3-c');
		const { task, lost } = mergeTaskRevisions([a, c]);
		expect(task.priority).toBe('urgent');
		// Alice's high never met Bob's low in a merge: it is reported now, not dropped.
		expect(lost).toContainEqual(expect.objectContaining({ field: 'priority', value: 'high' }));
	});

	it('reports nothing for values a device replaced in a run of its own edits', () => {
		const { alice, bob, base } = fork();
		let a = alice.edit(base, { priority: 'high' }, '2-a');
		alice.advance(5);
		a = alice.edit(a, { priority: 'urgent' }, '3-a');
		bob.advance(10);
		const b = bob.edit(base, { title: 'Pump check (south)' }, '2-b');
		const { task, lost } = mergeTaskRevisions([a, b]);
		expect(task).toMatchObject({ priority: 'urgent', title: 'Pump check (south)' });
		expect(lost).toEqual([]);
	});

	it('never merges two long additions into a description longer than allowed', () => {
		const { alice, bob, base } = fork();
		const words = (w: string, n: number) => `${w} `.repeat(n);
		const long = { ...base, description: words('log', 4_000) }; // 16,000 characters
		const a = alice.edit(long, { description: words('new', 600) + long.description }, '2-a');
		bob.advance(10);
		const b = bob.edit(long, { description: long.description + words('end', 600) }, '2-b');
		const { task, lost } = mergeTaskRevisions([a, b]);
		// Each side alone fits; both together (23,200 characters) would not.
		expect(task.description).toBe(b.description);
		expect(validationErrors(task)).toBeNull();
		expect(lost).toContainEqual(
			expect.objectContaining({ field: 'description', value: a.description })
		);
	});

	it('merges from the last common version after several edits on one device', () => {
		const { alice, bob, base } = fork();
		let a = alice.edit(base, { description: 'Check the pump!\nLog the pressure.' }, '2-a');
		alice.advance(5);
		a = alice.edit(a, { description: 'Check the pump!!\nLog the pressure.' }, '3-a');
		const b = bob.edit(
			base,
			{ description: 'Check the pump.\nLog the pressure, then call.' },
			'2-b'
		);
		const { task } = mergeTaskRevisions([a, b]);
		expect(task.description).toBe('Check the pump!!\nLog the pressure, then call.');
	});

	it('keeps a task that was edited on another device while deleted', () => {
		const { alice, bob, base } = fork();
		const a = alice.edit(base, { deletedAt: new Date(T0).toISOString() }, '2-a');
		const b = bob.edit(base, { status: 'in_progress' }, '2-b');
		const { task, lost } = mergeTaskRevisions([a, b]);
		expect(task.deletedAt).toBeNull();
		expect(task.status).toBe('in_progress');
		expect(task.merge?.keptFromTrash).toBe(true);
		expect(lost).toContainEqual(expect.objectContaining({ field: 'deletedAt' }));
	});

	it('lets a delete stand when nothing was edited concurrently', () => {
		const { alice, base } = fork();
		const a = alice.edit(base, { deletedAt: new Date(T0).toISOString() }, '2-a');
		expect(mergeTaskRevisions([a, { ...base, _rev: '2-b' }]).task.deletedAt).not.toBeNull();
	});

	it('makes status and completion consistent', () => {
		const { alice, bob, base } = fork();
		const a = alice.edit(base, { status: 'done' }, '2-a');
		bob.advance(10);
		const b = bob.edit(base, { status: 'review' }, '2-b');
		const { task } = mergeTaskRevisions([a, b]);
		expect(task.status).toBe('review');
		expect(task.completedAt).toBeNull();
	});

	it('gives the same bytes whatever order the revisions arrive in', () => {
		const { alice, bob, base } = fork();
		const carol = device('carol1', 'carol', T0 + 3);
		carol.advance(1000);
		const fields: TaskPatch[] = [
			{ title: 'A' },
			{ priority: 'urgent' },
			{ description: 'Check the valve.\nLog the pressure.' },
			{ status: 'done' },
			{ tags: ['x', 'y'] },
			{ deletedAt: new Date(T0).toISOString() },
			{ estimate: 3 }
		];
		const devices = [alice, bob, carol];
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.nat(2), fc.nat(fields.length - 1), fc.nat(50)), {
					minLength: 2,
					maxLength: 9
				}),
				fc.nat(1000),
				(edits, seed) => {
					const revs = edits.map(([d, f, dt], i) => {
						devices[d]!.advance(dt);
						return devices[d]!.edit(base, fields[f]!, `2-${i}`);
					});
					const shuffled = [...revs].sort((x, y) => (x._rev + seed < y._rev + seed ? 1 : -1));
					const one = JSON.stringify(mergeTaskRevisions(revs).task);
					expect(JSON.stringify(mergeTaskRevisions(shuffled).task)).toBe(one);
					expect(validationErrors(mergeTaskRevisions(revs).task)).toBeNull();
				}
			),
			{ seed: 42, numRuns: 300 }
		);
	});
});
