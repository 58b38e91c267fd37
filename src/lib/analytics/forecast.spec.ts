import { describe, expect, it } from 'vitest';
import { forecastCompletion, type ForecastInput, type ForecastResult } from './forecast';

type Forecast = Extract<ForecastResult, { ok: true }>;

function ok(input: ForecastInput): Forecast {
	const result = forecastCompletion(input);
	if (!result.ok) throw new Error(`expected a forecast, got ${result.reason}`);
	return result;
}

describe('forecastCompletion', () => {
	it('replays the seeded draws exactly (worked by hand)', () => {
		// seededRandom(1) gives 0.627 0.003 0.527 | 0.981 | 0.968 | 0.281 0.613 | 0.721 0.426;
		// index = floor(r * 4) into [0, 1, 2, 3], remaining 3:
		// run 1: 2 + 0 + 2 → 3 weeks; run 2: 3 → 1; run 3: 3 → 1; run 4: 1 + 2 → 2; run 5: 2 + 1 → 2.
		// Sorted 1 1 2 2 3: p50 = 3rd (ceil 2.5) = 2; p85 = p95 = 5th (ceil 4.25, ceil 4.75) = 3.
		const f = ok({
			remaining: 3,
			weeklyThroughput: [0, 1, 2, 3],
			weekStart: '2026-11-16',
			runs: 5
		});
		expect(f).toEqual({
			ok: true,
			weeks: { p50: 2, p85: 3, p95: 3 },
			dates: { p50: '2026-11-29', p85: '2026-12-06', p95: '2026-12-06' },
			histogram: [
				{ weeks: 1, runs: 2 },
				{ weeks: 2, runs: 2 },
				{ weeks: 3, runs: 1 }
			],
			runs: 5,
			sampleWeeks: 4,
			remaining: 3
		});
	});

	it('gives a fixed forecast for a fixed seed', () => {
		// Reference numbers from an independent implementation of the same algorithm.
		const input = {
			remaining: 30,
			weeklyThroughput: [0, 2, 3, 5, 1, 4],
			weekStart: '2026-11-16',
			runs: 1000,
			seed: 42
		};
		const f = ok(input);
		expect(f.weeks).toEqual({ p50: 12, p85: 15, p95: 17 });
		expect(f.dates).toEqual({ p50: '2027-02-07', p85: '2027-02-28', p95: '2027-03-14' });
		expect(f.histogram.map((b) => [b.weeks, b.runs])).toEqual([
			[7, 4],
			[8, 24],
			[9, 55],
			[10, 130],
			[11, 164],
			[12, 163],
			[13, 143],
			[14, 129],
			[15, 86],
			[16, 47],
			[17, 27],
			[18, 15],
			[19, 10],
			[20, 1],
			[21, 0],
			[22, 2]
		]);
		expect(forecastCompletion(input)).toEqual(f);
		// Another seed draws differently.
		expect(ok({ ...input, seed: 43 }).histogram).not.toEqual(f.histogram);
	});

	it('defaults to 10 000 runs with seed 1', () => {
		const input = { remaining: 30, weeklyThroughput: [0, 2, 3, 5, 1, 4], weekStart: '2026-11-16' };
		const f = ok(input);
		expect(f.runs).toBe(10_000);
		expect(f.histogram.reduce((sum, b) => sum + b.runs, 0)).toBe(10_000);
		expect(f.histogram[0]).toEqual({ weeks: 7, runs: 35 });
		expect(f.histogram.at(-1)).toEqual({ weeks: 26, runs: 1 });
		expect(f).toEqual(ok({ ...input, runs: 10_000, seed: 1 }));
	});

	it('needs exactly 4 weeks for 20 items at a constant 5 per week', () => {
		const f = ok({ remaining: 20, weeklyThroughput: [5, 5, 5], weekStart: '2026-11-16' });
		expect(f.weeks).toEqual({ p50: 4, p85: 4, p95: 4 });
		expect(f.dates).toEqual({ p50: '2026-12-13', p85: '2026-12-13', p95: '2026-12-13' });
		expect(f.histogram).toEqual([{ weeks: 4, runs: 10_000 }]);
		expect(f.sampleWeeks).toBe(3);
		expect(f.remaining).toBe(20);
	});

	it('counts a partly used week as a whole week', () => {
		// 21 items at 5 per week: 4 weeks leave 1, so a 5th week is needed.
		const f = ok({ remaining: 21, weeklyThroughput: [5], weekStart: '2026-11-16', runs: 10 });
		expect(f.weeks).toEqual({ p50: 5, p85: 5, p95: 5 });
	});

	it('caps runs at maxWeeks', () => {
		const f = ok({
			remaining: 100,
			weeklyThroughput: [1, 2],
			weekStart: '2026-11-16',
			runs: 50,
			seed: 3,
			maxWeeks: 10
		});
		expect(f.weeks).toEqual({ p50: 10, p85: 10, p95: 10 });
		expect(f.histogram).toEqual([{ weeks: 10, runs: 50 }]);
	});

	it('dates the end of the week, across month and year ends', () => {
		const at = (weekStart: string, remaining: number) =>
			ok({ remaining, weeklyThroughput: [1], weekStart, runs: 1 }).dates.p50;
		// Monday 2026-02-23: week 1 ends Sunday 2026-03-01 (February has 28 days).
		expect(at('2026-02-23', 1)).toBe('2026-03-01');
		// Week 2 starting Monday 2026-01-26 ends 2026-01-26 + 13 = 2026-02-08.
		expect(at('2026-01-26', 2)).toBe('2026-02-08');
		// Monday 2026-12-28: week 1 ends 2027-01-03.
		expect(at('2026-12-28', 1)).toBe('2027-01-03');
		// Leap year: Monday 2028-02-21, week 2 ends 2028-03-05 (via 29 February).
		expect(at('2028-02-21', 2)).toBe('2028-03-05');
	});

	it('explains why there is no forecast', () => {
		const base = { weekStart: '2026-11-16' };
		expect(forecastCompletion({ ...base, remaining: 0, weeklyThroughput: [3] })).toEqual({
			ok: false,
			reason: 'nothing-left'
		});
		expect(forecastCompletion({ ...base, remaining: -2, weeklyThroughput: [] })).toEqual({
			ok: false,
			reason: 'nothing-left'
		});
		expect(forecastCompletion({ ...base, remaining: 5, weeklyThroughput: [] })).toEqual({
			ok: false,
			reason: 'no-history'
		});
		expect(forecastCompletion({ ...base, remaining: 5, weeklyThroughput: [0, 0, 0] })).toEqual({
			ok: false,
			reason: 'no-throughput'
		});
	});

	it('rejects malformed input', () => {
		const base = { remaining: 5, weeklyThroughput: [1], weekStart: '2026-11-16' };
		expect(() => forecastCompletion({ ...base, weekStart: '16/11/2026' })).toThrow(RangeError);
		expect(() => forecastCompletion({ ...base, weeklyThroughput: [2, -1] })).toThrow(RangeError);
		expect(() => forecastCompletion({ ...base, runs: 0 })).toThrow(RangeError);
		expect(() => forecastCompletion({ ...base, runs: 2.5 })).toThrow(RangeError);
		expect(() => forecastCompletion({ ...base, maxWeeks: 0 })).toThrow(RangeError);
	});
});
