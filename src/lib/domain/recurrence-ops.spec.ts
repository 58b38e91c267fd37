import { describe, expect, it } from 'vitest';
import { newProjectId } from './ids';
import { nextOccurrence, occurrenceId, withRule } from './recurrence-ops';
import type { Task } from './schemas/task.schema';
import { applyTaskPatch, createTask } from './task-ops';
import { validationErrors } from './validation';
import { checkJsonSchema } from '../../../design-docs/lib/json-schema-check.js';
import { workspaceJsonSchemas } from '../../../design-docs/workspace.ddoc';
import type { WriteContext } from './write-context';

const ctxA: WriteContext = {
	user: 'alice',
	now: '2026-03-27T09:00:00.000Z',
	stamp: '00000000a-0000-ra'
};
const ctxB: WriteContext = {
	user: 'bob',
	now: '2026-03-28T17:00:00.000Z',
	stamp: '00000000b-0000-rb'
};

function repeating(rule = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO'): Task {
	const t = createTask(
		{
			project: newProjectId(),
			title: 'Water the plants',
			description: 'All of them',
			priority: 'high',
			assignee: 'bob',
			due: '2026-03-23',
			estimate: 0.5,
			tags: ['home'],
			rank: 'a5'
		},
		ctxA
	);
	const withRec = applyTaskPatch(
		t,
		{ recurrence: withRule(t, { rule, mode: 'schedule' }, 'Europe/Berlin') },
		ctxA
	).task;
	return applyTaskPatch(withRec, { status: 'done' }, ctxA).task;
}

describe('nextOccurrence', () => {
	it('copies the task onto the next date, as a valid to-do in the same series', () => {
		const done = repeating();
		const next = nextOccurrence(done, ctxB, 'a9')!;
		expect(validationErrors(next)).toBeNull();
		expect(next).toMatchObject({
			title: 'Water the plants',
			description: 'All of them',
			project: done.project,
			priority: 'high',
			assignee: 'bob',
			estimate: 0.5,
			tags: ['home'],
			status: 'todo',
			completedAt: null,
			due: '2026-04-06',
			rank: 'a9',
			createdBy: 'bob',
			recurrence: { ...done.recurrence, index: 1 }
		});
		expect(next._id).not.toBe(done._id);
	});

	it('gives the same id on every device and for every completion of one occurrence', () => {
		const done = repeating();
		const onA = nextOccurrence(done, ctxA, 'a1')!;
		const onB = nextOccurrence({ ...done, completedAt: ctxB.now }, ctxB, 'b1')!;
		expect(onA._id).toBe(onB._id);
		expect(onA._id).toBe(occurrenceId(done.recurrence!.series, 1));
		// The occurrence after that one is a different document.
		const third = nextOccurrence({ ...onA, status: 'done', completedAt: ctxB.now }, ctxB, 'a2')!;
		expect(third._id).toBe(occurrenceId(done.recurrence!.series, 2));
		expect(third._id).not.toBe(onA._id);
		expect(third.due).toBe('2026-04-20');
	});

	it('uses the rule as edited: the change applies from the next occurrence on', () => {
		const done = repeating();
		const edited = applyTaskPatch(
			done,
			{ recurrence: withRule(done, { rule: 'FREQ=MONTHLY;BYDAY=-1FR', mode: 'schedule' }) },
			ctxB
		).task;
		expect(edited.recurrence).toMatchObject({ series: done.recurrence!.series, index: 0 });
		expect(nextOccurrence(edited, ctxB, 'a1')!.due).toBe('2026-03-27');
	});

	it('makes nothing for a task that is not done, does not repeat or is in the trash', () => {
		const done = repeating();
		expect(nextOccurrence({ ...done, status: 'todo' }, ctxB, 'a1')).toBeNull();
		expect(nextOccurrence({ ...done, recurrence: null }, ctxB, 'a1')).toBeNull();
		expect(nextOccurrence({ ...done, deletedAt: ctxB.now }, ctxB, 'a1')).toBeNull();
	});

	it('the schema refuses malformed rules (the server gets the same JSON Schema)', () => {
		const done = repeating();
		const server = (doc: unknown) => checkJsonSchema(workspaceJsonSchemas().task, doc, '');
		expect(validationErrors(done)).toBeNull();
		expect(server(done)).toBeNull();
		const bad = [
			...['FREQ=HOURLY', 'FREQ=DAILY;COUNT=2', 'every monday', ''].map((rule) => ({ rule })),
			{ zone: '../etc' },
			{ index: -1 },
			{ mode: 'sometimes' },
			{ series: 'task:x' }
		];
		for (const change of bad) {
			const doc = { ...done, recurrence: { ...done.recurrence!, ...change } };
			expect(validationErrors(doc)).toHaveProperty([`recurrence.${Object.keys(change)[0]}`]);
			expect(server(doc)).toMatch(/^recurrence\./);
		}
	});
});
