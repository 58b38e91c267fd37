import { describe, expect, it } from 'vitest';
import { FeedGate } from './feed-limits';

describe('FeedGate', () => {
	it('caps feeds per user and in all, and frees a place once per release', () => {
		const gate = new FeedGate({ perUser: 2, total: 3 });
		const a1 = gate.enter('ann');
		const a2 = gate.enter('ann');
		expect(gate.enter('ann')).toBe('user');
		const b1 = gate.enter('bob');
		expect(gate.enter('cy')).toBe('total');
		expect(typeof a1).toBe('function');
		(a1 as () => void)();
		(a1 as () => void)();
		expect(gate.total).toBe(2);
		expect(typeof gate.enter('cy')).toBe('function');
		expect([a2, b1].every((r) => typeof r === 'function')).toBe(true);
	});
});
