import { describe, expect, it } from 'vitest';
import { reopened, task } from './history-fixtures';
import { cycleTimeDays, leadTimeDays } from './status-history';

describe('leadTimeDays and cycleTimeDays', () => {
	it('measure to the last completion of a reopened task', () => {
		expect(leadTimeDays(reopened)).toBe(6); // 2 March 09:00 → 8 March 09:00
		expect(cycleTimeDays(reopened)).toBe(5); // first start 3 March 09:00 → 8 March 09:00
	});

	it('are fractional days', () => {
		const h = task([
			{ at: '2026-03-03T21:00:00Z', from: 'todo', to: 'in_progress' },
			{ at: '2026-03-04T15:00:00Z', from: 'in_progress', to: 'done' }
		]);
		expect(leadTimeDays(h)).toBe(2.25); // 54 hours
		expect(cycleTimeDays(h)).toBe(0.75); // 18 hours
	});

	it('compare instants, not strings, across UTC offsets', () => {
		// 10:00+02:00 is 08:00Z: the start comes one hour before the 09:00Z completion, though
		// its text sorts after it.
		const h = task([
			{ at: '2026-03-03T09:00:00Z', from: 'in_progress', to: 'done' },
			{ at: '2026-03-03T10:00:00+02:00', from: 'todo', to: 'in_progress' }
		]);
		expect(leadTimeDays(h)).toBe(1);
		expect(cycleTimeDays(h)).toBe(1 / 24);
	});

	it('are null while the task is not done', () => {
		const h = task([
			{ at: '2026-03-03T09:00:00Z', from: 'todo', to: 'in_progress' },
			{ at: '2026-03-04T09:00:00Z', from: 'in_progress', to: 'done' },
			{ at: '2026-03-05T09:00:00Z', from: 'done', to: 'review' }
		]);
		expect(leadTimeDays(h)).toBeNull();
		expect(cycleTimeDays(h)).toBeNull();
		expect(leadTimeDays(task([]))).toBeNull();
	});

	it('give no cycle time for a task that skipped in progress', () => {
		const h = task([
			{ at: '2026-03-03T09:00:00Z', from: 'todo', to: 'review' },
			{ at: '2026-03-04T09:00:00Z', from: 'review', to: 'done' }
		]);
		expect(leadTimeDays(h)).toBe(2);
		expect(cycleTimeDays(h)).toBeNull();
	});

	it('start the cycle at creation for a task created in progress', () => {
		const fromLog = task([{ at: '2026-03-04T21:00:00Z', from: 'in_progress', to: 'done' }]);
		expect(cycleTimeDays(fromLog)).toBe(2.5);
		const creationRecord = task([
			{ at: '2026-03-02T09:00:00Z', from: null, to: 'in_progress' },
			{ at: '2026-03-03T09:00:00Z', from: 'in_progress', to: 'done' }
		]);
		expect(cycleTimeDays(creationRecord)).toBe(1);
	});

	it('end at the first of several changes into done that never left it', () => {
		// Two devices both moved it to done; it has been done since the first.
		const h = task([
			{ at: '2026-03-03T09:00:00Z', from: 'todo', to: 'done' },
			{ at: '2026-03-04T09:00:00Z', from: 'review', to: 'done' }
		]);
		expect(leadTimeDays(h)).toBe(1);
		// Created done (the earliest change leaves from done): done since creation.
		expect(leadTimeDays(task([{ at: '2026-03-04T09:00:00Z', from: 'done', to: 'done' }]))).toBe(0);
	});

	it('treat changes stamped before creation as made at creation', () => {
		const h = task([{ at: '2026-03-02T08:00:00Z', from: 'todo', to: 'done' }]);
		expect(leadTimeDays(h)).toBe(0);
	});
});
