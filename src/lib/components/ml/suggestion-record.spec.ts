import { describe, expect, it } from 'vitest';
import type { Task } from '$lib/domain/schemas/task.schema';
import { acceptance, decided, withSuggestion } from './suggestion-record';

const base = { suggestions: [] } as unknown as Task;

describe('suggestion records', () => {
	it('appends provenance and keeps at most 20', () => {
		const one = withSuggestion(
			base,
			{ field: 'priority', value: 'high', confidence: 0.7, accepted: true },
			'taskflow/glove-100d'
		);
		expect(one).toEqual([
			{
				field: 'priority',
				value: 'high',
				confidence: 0.7,
				accepted: true,
				model: 'taskflow-heads@1+taskflow/glove-100d'
			}
		]);
		let t = base;
		for (let i = 0; i < 25; i++) {
			t = {
				...t,
				suggestions: withSuggestion(
					t,
					{ field: 'estimate', value: i, confidence: 0.5, accepted: false },
					'm'
				)
			};
		}
		expect(t.suggestions).toHaveLength(20);
		expect(t.suggestions![19]!.value).toBe(24);
		expect(decided(t, 'estimate', 24)?.accepted).toBe(false);
		expect(decided(t, 'priority', 'low')).toBeUndefined();
	});

	it('measures the acceptance rate over decided suggestions', () => {
		const mk = (accepted: (boolean | null)[]) =>
			({
				suggestions: accepted.map((a) => ({
					field: 'priority',
					value: 'high',
					confidence: 1,
					model: 'm',
					accepted: a
				}))
			}) as unknown as Task;
		expect(acceptance([mk([true, false]), mk([true, null]), base])).toEqual({
			accepted: 2,
			decided: 3
		});
	});
});
