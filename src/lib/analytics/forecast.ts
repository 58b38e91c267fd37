/**
 * "When will the remaining work be done?" by Monte Carlo simulation over past weekly
 * throughput: replay randomly chosen past weeks until the backlog is empty, many times, and
 * read off how many weeks 50%, 85% and 95% of the runs needed. Seeded, so the same data
 * always gives the same forecast.
 */
import { addDays } from '../domain/local-date';
import { nearestRank } from './percentiles';
import { seededRandom } from './prng';

/** What to simulate: the backlog, the throughput history and where the calendar starts. */
export type ForecastInput = {
	/** Items still to finish. */
	remaining: number;
	/** Items finished in each past week (any order; non-negative). */
	weeklyThroughput: readonly number[];
	/** First day of the current week (`YYYY-MM-DD`); week 1 of the forecast starts here. */
	weekStart: string;
	/** Simulated futures; default 10 000. */
	runs?: number;
	/** PRNG seed; default 1. */
	seed?: number;
	/** Cap on weeks per run; runs that hit it count as this many weeks. Default 520. */
	maxWeeks?: number;
};

/** Why there is no forecast: empty backlog, no history, or a history of only zero weeks. */
export type ForecastFailure = 'nothing-left' | 'no-history' | 'no-throughput';

/**
 * A forecast: weeks needed at the 50th/85th/95th percentile (nearest rank, so whole weeks),
 * the last day of that week, and how many runs needed each number of weeks.
 */
export type ForecastResult =
	| {
			ok: true;
			weeks: { p50: number; p85: number; p95: number };
			/** Last day of the week the work is done in: `weekStart + 7 * weeks - 1` days. */
			dates: { p50: string; p85: string; p95: string };
			/** Runs per week count, ascending, with every count from min to max (zeros included). */
			histogram: { weeks: number; runs: number }[];
			runs: number;
			/** How many past weeks were sampled from. */
			sampleWeeks: number;
			remaining: number;
	  }
	| { ok: false; reason: ForecastFailure };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(name: string, value: number): number {
	if (!Number.isInteger(value) || value < 1) {
		throw new RangeError(`${name} must be a positive integer: ${value}`);
	}
	return value;
}

/**
 * Runs the simulation. Each run draws one past week's throughput per future week, uniformly
 * with replacement, until `remaining` is used up or `maxWeeks` is reached. Returns a failure
 * reason instead of a forecast when there is nothing to forecast (checked in the order
 * nothing-left, no-history, no-throughput). Throws a RangeError for a malformed `weekStart`,
 * a negative or non-finite throughput, or `runs`/`maxWeeks` that are not positive integers.
 */
export function forecastCompletion(input: ForecastInput): ForecastResult {
	const { remaining, weeklyThroughput: history, weekStart } = input;
	const runs = positiveInt('runs', input.runs ?? 10_000);
	const maxWeeks = positiveInt('maxWeeks', input.maxWeeks ?? 520);
	if (!DATE.test(weekStart)) throw new RangeError(`Not a date (YYYY-MM-DD): ${weekStart}`);
	for (const t of history) {
		if (!(Number.isFinite(t) && t >= 0)) throw new RangeError(`Bad weekly throughput: ${t}`);
	}

	if (!(remaining > 0)) return { ok: false, reason: 'nothing-left' };
	if (history.length === 0) return { ok: false, reason: 'no-history' };
	if (history.every((t) => t === 0)) return { ok: false, reason: 'no-throughput' };

	const random = seededRandom(input.seed ?? 1);
	const n = history.length;
	const needed: number[] = new Array<number>(runs);
	for (let r = 0; r < runs; r++) {
		let left = remaining;
		let weeks = 0;
		while (left > 0 && weeks < maxWeeks) {
			left -= history[Math.floor(random() * n)] as number;
			weeks++;
		}
		needed[r] = weeks;
	}
	needed.sort((a, b) => a - b);

	const weeks = {
		p50: nearestRank(needed, 50),
		p85: nearestRank(needed, 85),
		p95: nearestRank(needed, 95)
	};
	const endOf = (w: number) => addDays(weekStart, 7 * w - 1);
	return {
		ok: true,
		weeks,
		dates: { p50: endOf(weeks.p50), p85: endOf(weeks.p85), p95: endOf(weeks.p95) },
		histogram: countRuns(needed),
		runs,
		sampleWeeks: n,
		remaining
	};
}

/** Runs per week count from the sorted list, filling gaps between min and max with 0. */
function countRuns(sorted: readonly number[]): { weeks: number; runs: number }[] {
	const min = sorted[0] as number;
	const max = sorted[sorted.length - 1] as number;
	const out = Array.from({ length: max - min + 1 }, (_, i) => ({ weeks: min + i, runs: 0 }));
	for (const w of sorted) (out[w - min] as { runs: number }).runs++;
	return out;
}
