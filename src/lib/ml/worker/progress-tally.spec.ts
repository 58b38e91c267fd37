import { describe, expect, it } from 'vitest';
import { PROGRESS_PER_SECOND, ProgressThrottle } from './progress-tally';

describe('ProgressThrottle', () => {
	it(`sends at most ${PROGRESS_PER_SECOND} updates a second, plus the first and the last`, () => {
		const throttle = new ProgressThrottle();
		const sent: number[] = [];
		// 1000 byte-level callbacks over one second, as a fast download makes them.
		for (let ms = 0; ms < 1000; ms++) {
			if (throttle.take({ loaded: ms, total: 1000 }, ms)) sent.push(ms);
		}
		if (throttle.take({ loaded: 1000, total: 1000 }, 1000.5)) sent.push(1000);
		expect(sent[0]).toBe(0);
		expect(sent.at(-1)).toBe(1000);
		expect(sent.length).toBeLessThanOrEqual(PROGRESS_PER_SECOND + 2);
		expect(sent.length).toBeGreaterThanOrEqual(PROGRESS_PER_SECOND);
	});
});
