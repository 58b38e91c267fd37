import { describe, expect, it } from 'vitest';
import { errorStats, pickRobust, scoreGrid, smoother, tuneEffort } from './effort-tuning';

const prior = { p25: 2, p50: 3, p75: 5 };
// Each item's nearest neighbours agree with its true value; the prior says 3.
const items = [1, 2, 8, 13, 3].map((v) => ({
	votes: [
		{ similarity: 0.9, value: v },
		{ similarity: 0.8, value: v },
		{ similarity: 0.2, value: 3 }
	],
	actual: v
}));

describe('effort tuning', () => {
	it('measures MAE and MdAE', () => {
		expect(errorStats([1, 2, 10], [2, 2, 4])).toEqual({ mae: 7 / 3, mdae: 1 });
	});

	it('scores every grid point and tunes toward trusting good neighbours', () => {
		const grid = { k: [1, 3], power: [0, 2], priorWeight: [0, 10] };
		expect(scoreGrid(items, prior, grid)).toHaveLength(8);
		const best = tuneEffort(items, prior, grid);
		expect(best.mae).toBe(0);
		expect(best.params.priorWeight).toBe(0);
	});

	it('orders smoother settings first', () => {
		const a = { k: 10, power: 1, priorWeight: 1 };
		expect(smoother(a, { ...a, priorWeight: 0.3 })).toBeLessThan(0);
		expect(smoother(a, { ...a, k: 20 })).toBeGreaterThan(0);
		expect(smoother(a, { ...a, power: 4 })).toBeLessThan(0);
		expect(smoother(a, a)).toBe(0);
	});

	it('picks the smoothest candidate within the tolerance, else the best', () => {
		const sharp = { params: { k: 3, power: 8, priorWeight: 0 }, mae: 1.0 };
		const smooth = { params: { k: 20, power: 1, priorWeight: 1 }, mae: 1.015 };
		const far = { params: { k: 40, power: 0, priorWeight: 3 }, mae: 1.2 };
		expect(pickRobust([sharp, smooth, far], 0)).toBe(sharp);
		expect(pickRobust([sharp, smooth, far], 0.02)).toBe(smooth);
		expect(pickRobust([sharp, smooth, far], 0.5)).toBe(far);
		expect(() => pickRobust([], 0)).toThrow();
	});
});
