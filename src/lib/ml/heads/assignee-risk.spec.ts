import { describe, expect, it } from 'vitest';
import { suggestAssignees } from './assignee.head';
import { history, seeded, task, topicVector } from './heads-fixture';
import { nearest } from './neighbours';
import { assessRisk, workingDays } from './risk.head';
import { openWorkByPerson } from './workload';

const TODAY = '2026-03-02'; // Monday

describe('suggestAssignees', () => {
	const { tasks, vectors } = history();
	const near = nearest(
		{ tags: [], project: 'project:p1' },
		topicVector('typo', seeded(4)),
		tasks,
		(id) => vectors.get(id),
		20
	);

	it('suggests who finished similar tasks, with reasons', () => {
		const s = suggestAssignees(near, ['dana', 'eli'], new Map());
		expect(s[0]).toMatchObject({
			person: 'eli',
			reasons: ['Finished 6 similar tasks', 'No open work']
		});
	});

	it('discounts people with a lot of open work and skips non-members', () => {
		const busy = openWorkByPerson([task('task:o1', { assignee: 'eli', estimate: 300 })], 4);
		const idle = suggestAssignees(near, ['dana', 'eli'], new Map())[0]!.score;
		const loaded = suggestAssignees(near, ['dana', 'eli'], busy).find((x) => x.person === 'eli')!;
		expect(loaded.score).toBeLessThan(idle / 5);
		expect(loaded.reasons).toContain('300 h of open work');
		expect(suggestAssignees(near, ['dana'], new Map()).map((x) => x.person)).not.toContain('eli');
	});
});

describe('assessRisk', () => {
	it('counts weekdays only', () => {
		expect(workingDays(TODAY, '2026-03-06')).toBe(5);
		expect(workingDays(TODAY, '2026-03-08')).toBe(5);
		expect(workingDays(TODAY, '2026-03-09')).toBe(6);
	});

	it('flags work that does not fit before the due date', () => {
		const work = openWorkByPerson(
			[
				task('task:a', { assignee: 'ann', estimate: 20, due: '2026-03-03' }),
				task('task:b', { assignee: 'ann', estimate: 50, due: '2026-04-30' }),
				task('task:c', { assignee: 'ann', estimate: 10, loggedHours: 4, due: null })
			],
			4
		).get('ann')!;
		const risk = assessRisk({ id: 'task:new', due: '2026-03-04' }, 5, work, TODAY)!;
		expect(risk).toMatchObject({ atRisk: true, demandHours: 25, availableHours: 18 });
		expect(risk.reason).toBe(
			'Needs about 25 h (this task and earlier-due work) but only 18 h remain before 2026-03-04'
		);
		expect(assessRisk({ id: 'task:new', due: '2026-03-13' }, 5, work, TODAY)!.atRisk).toBe(false);
		expect(assessRisk({ id: 'task:new', due: null }, 5, work, TODAY)).toBeNull();
	});
});
