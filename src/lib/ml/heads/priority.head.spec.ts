import { describe, expect, it } from 'vitest';
import { history, seeded, topicVector } from './heads-fixture';
import { nearest } from './neighbours';
import { suggestPriority } from './priority.head';
import { suggestFor, trainWorkspace } from './workspace-model';

const TODAY = '2026-03-02'; // a Monday
const q = (over: Partial<Parameters<typeof suggestPriority>[0]> = {}) => ({
	title: 'Something',
	description: '',
	due: null,
	openDependents: 0,
	...over
});

describe('priority head', () => {
	const { tasks, vectors } = history();
	const near = (topic: Parameters<typeof topicVector>[0]) =>
		nearest(
			{ tags: [], project: 'project:p1' },
			topicVector(topic, seeded(3)),
			tasks,
			(id) => vectors.get(id),
			20
		);

	it('follows the priorities people set on similar tasks, with reasons', () => {
		const s = suggestPriority(q(), near('outage'), TODAY);
		expect(s.value).toBe('urgent');
		expect(s.reasons[0]).toMatch(/similar tasks were urgent: “Server outage after deploy/);
		expect(s.similar).toHaveLength(3);
		expect(suggestPriority(q(), near('typo'), TODAY).value).toBe('low');
	});

	it('starts from medium with no history', () => {
		const s = suggestPriority(q(), [], TODAY);
		expect(s.value).toBe('medium');
		expect(s.reasons).toEqual(['No similar tasks yet; starting from the usual “medium”']);
	});

	it('is moved by urgency words, due dates and blocked tasks', () => {
		const crash = suggestPriority(q({ title: 'Login crash in production' }), [], TODAY);
		expect(crash.value).toBe('high');
		expect(crash.reasons).toContain('Mentions “crash” and “production”');
		expect(suggestPriority(q({ due: '2026-03-03' }), [], TODAY).reasons).toContain('Due in 1 day');
		const late = suggestPriority(q({ due: '2026-02-27', openDependents: 3 }), [], TODAY);
		expect(late.value).toBe('urgent');
		expect(late.reasons).toEqual(
			expect.arrayContaining(['Overdue by 3 days', 'Blocks 3 open tasks'])
		);
		expect(suggestPriority(q({ title: 'Cosmetic cleanup' }), [], TODAY).value).toBe('low');
	});

	it('never changes a task: suggesting reads only', () => {
		const frozen = tasks.map((t) => Object.freeze({ ...t, tags: Object.freeze([...t.tags]) }));
		const before = JSON.stringify(frozen);
		const model = trainWorkspace(frozen);
		const target = frozen[0]!;
		const s = suggestFor(
			model,
			target,
			vectors.get(target.id)!,
			(id) => vectors.get(id),
			['dana', 'eli'],
			TODAY
		);
		expect(s.priority.value).toBeDefined();
		expect(JSON.stringify(frozen)).toBe(before);
		expect(model.tasks.get(target.id)).toBe(target);
		// The query task itself is never its own neighbour.
		expect(s.priority.similar.map((x) => x.id)).not.toContain(target.id);
	});
});
