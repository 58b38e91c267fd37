import { describe, expect, it } from 'vitest';
import { COLD_START_PRIOR, effortPrior, estimateEffort } from './effort.head';
import { calibrationText, calibrations } from './calibration';
import { history, seeded, task, topicVector } from './heads-fixture';
import { normalize } from './vector-math';
import { suggestFor, trainWorkspace } from './workspace-model';

const TODAY = '2026-03-02';

describe('effort head', () => {
	const { tasks, vectors } = history();
	const model = trainWorkspace(tasks);
	const ask = (title: string, qv: Float32Array) =>
		suggestFor(
			model,
			{ ...task('task:new', { title }), id: undefined },
			qv,
			(id) => vectors.get(id),
			[],
			TODAY
		);

	it('estimates from similar finished tasks, with the range and explanation', () => {
		const typo = ask('Fix typo', topicVector('typo', seeded(99)));
		expect(typo.effort.basis).toBe('history');
		expect(typo.effort.p50).toBeGreaterThan(0.7);
		expect(typo.effort.p50).toBeLessThan(1.3);
		expect(typo.effort.p25).toBeLessThanOrEqual(typo.effort.p50);
		expect(typo.effort.p75).toBeGreaterThanOrEqual(typo.effort.p50);
		expect(typo.effort.similar.every((s) => s.id.startsWith('task:typo-'))).toBe(true);

		const migration = ask('Migrate', topicVector('migration', seeded(98)));
		expect(migration.effort.p50).toBeGreaterThan(6);
		expect(migration.effort.p50).toBeLessThan(10);
		// The tuned prior is firm (text says little about size), so six close matches give
		// moderate confidence; a query like nothing in history gives almost none.
		expect(migration.effort.confidence).toBeGreaterThan(0.3);
		const rand = seeded(11);
		const unrelated = ask('x', normalize(Float32Array.from({ length: 16 }, () => rand() - 0.5)));
		expect(unrelated.effort.confidence).toBeLessThan(migration.effort.confidence / 2);
	});

	it('falls back to the prior with no history, and to a cold start with little', () => {
		expect(estimateEffort([], COLD_START_PRIOR)).toMatchObject({
			...COLD_START_PRIOR,
			basis: 'prior',
			confidence: 0
		});
		expect(effortPrior([3, 5])).toEqual(COLD_START_PRIOR);
		expect(effortPrior([1, 2, 3, 4, 5, 6, 7, 8])).toEqual({ p25: 2, p50: 4, p75: 6 });
	});

	it('is deterministic', () => {
		const again = trainWorkspace(history().tasks);
		expect(again.prior).toEqual(model.prior);
		expect(ask('x', topicVector('outage', seeded(5)))).toEqual(
			ask('x', topicVector('outage', seeded(5)))
		);
	});
});

describe('calibration', () => {
	it('measures logged against estimated time per person', () => {
		const tasks = [1, 2, 3, 4].map((i) =>
			task(`task:c${i}`, { status: 'done', assignee: 'ann', estimate: 2 * i, loggedHours: 3 * i })
		);
		tasks.push(task('task:b1', { status: 'done', assignee: 'bob', estimate: 2, loggedHours: 2 }));
		const c = calibrations(tasks);
		expect(c.get('ann')).toEqual({ person: 'ann', ratio: 1.5, samples: 4 });
		expect(c.has('bob')).toBe(false); // one task says nothing
		expect(calibrationText(c.get('ann')!, true)).toBe(
			'Your estimates run 1.5× over (4 finished tasks)'
		);
		expect(calibrationText({ person: 'cy', ratio: 0.5, samples: 3 }, false)).toBe(
			"cy's estimates run 2.0× under (3 finished tasks)"
		);
		expect(calibrationText({ person: 'cy', ratio: 1.05, samples: 3 }, false)).toBeNull();
	});
});
