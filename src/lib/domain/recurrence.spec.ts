import { describe, expect, it } from 'vitest';
import { isValidRule, localDateIn, nextDue, occurrenceAfter } from './recurrence';
import { specToRule, type RepeatSpec } from './repeat-presets';
import type { Recurrence } from './schemas/recurrence.schema';

const rule = (spec: RepeatSpec) => specToRule(spec).rule;
/** The dates `spec` yields after `from`, `n` of them, each computed from the previous. */
function chain(spec: RepeatSpec, from: string, n: number): string[] {
	const out: string[] = [];
	let at = from;
	for (let i = 0; i < n; i++) {
		at = occurrenceAfter(rule(spec), at)!;
		out.push(at);
	}
	return out;
}
const rec = (
	spec: RepeatSpec,
	zone = 'Europe/Berlin'
): Pick<Recurrence, 'rule' | 'mode' | 'zone'> => ({
	...specToRule(spec),
	zone
});

describe('presets on the calendar', () => {
	it('every weekday skips the weekend', () => {
		// 2026-03-05 is a Thursday.
		expect(chain({ kind: 'weekdays' }, '2026-03-05', 3)).toEqual([
			'2026-03-06',
			'2026-03-09',
			'2026-03-10'
		]);
	});

	it('every 2 weeks on Monday, from a Monday and from a mid-week due date', () => {
		const spec: RepeatSpec = { kind: 'weekly', interval: 2, days: ['MO'] };
		expect(chain(spec, '2026-03-02', 2)).toEqual(['2026-03-16', '2026-03-30']);
		expect(occurrenceAfter(rule(spec), '2026-03-04')).toBe('2026-03-16');
	});

	it('monthly on the last Friday', () => {
		const spec: RepeatSpec = { kind: 'monthly_nth', interval: 1, nth: -1, weekday: 'FR' };
		expect(chain(spec, '2026-01-30', 3)).toEqual(['2026-02-27', '2026-03-27', '2026-04-24']);
	});

	it('monthly on the 31st falls on each month end and comes back to the 31st', () => {
		const spec: RepeatSpec = { kind: 'monthly_day', interval: 1, day: 31 };
		expect(chain(spec, '2026-01-31', 4)).toEqual([
			'2026-02-28',
			'2026-03-31',
			'2026-04-30',
			'2026-05-31'
		]);
		expect(occurrenceAfter(rule(spec), '2028-01-31')).toBe('2028-02-29');
	});

	it('monthly on the 30th keeps the 30th after February', () => {
		const spec: RepeatSpec = { kind: 'monthly_day', interval: 1, day: 30 };
		expect(chain(spec, '2026-01-30', 2)).toEqual(['2026-02-28', '2026-03-30']);
	});

	it('yearly on February 29 is on Feb 28 in common years', () => {
		const spec: RepeatSpec = { kind: 'yearly', month: 2, day: 29 };
		expect(chain(spec, '2024-02-29', 4)).toEqual([
			'2025-02-28',
			'2026-02-28',
			'2027-02-28',
			'2028-02-29'
		]);
	});

	it('every day across both 2026 DST changes stays one calendar day apart', () => {
		const daily: RepeatSpec = { kind: 'daily', interval: 1 };
		expect(chain(daily, '2026-03-28', 2)).toEqual(['2026-03-29', '2026-03-30']);
		expect(chain(daily, '2026-10-24', 2)).toEqual(['2026-10-25', '2026-10-26']);
		expect(chain(daily, '2026-03-07', 2)).toEqual(['2026-03-08', '2026-03-09']);
	});

	it('weekly on Sunday keeps Sundays through the spring and autumn changes', () => {
		const spec: RepeatSpec = { kind: 'weekly', interval: 1, days: ['SU'] };
		expect(chain(spec, '2026-03-22', 2)).toEqual(['2026-03-29', '2026-04-05']);
		expect(chain(spec, '2026-10-18', 2)).toEqual(['2026-10-25', '2026-11-01']);
	});
});

describe('localDateIn', () => {
	it('puts an instant on the calendar day of the zone, around DST changes', () => {
		// 22:30 UTC on the last Saturday of March is 23:30 in Berlin (CET)…
		expect(localDateIn('2026-03-28T22:30:00Z', 'Europe/Berlin')).toBe('2026-03-28');
		// …and the next evening, after clocks went forward, 00:30 the following day (CEST).
		expect(localDateIn('2026-03-29T22:30:00Z', 'Europe/Berlin')).toBe('2026-03-30');
		// New York falls back on 2026-11-01: 04:30 UTC is 23:30 the day before (EST).
		expect(localDateIn('2026-11-02T04:30:00Z', 'America/New_York')).toBe('2026-11-01');
		expect(localDateIn('2026-11-01T03:30:00Z', 'America/New_York')).toBe('2026-10-31');
	});

	it('falls back to UTC for a zone it does not know', () => {
		expect(localDateIn('2026-03-29T22:30:00Z', 'Nowhere/Atlantis')).toBe('2026-03-29');
	});
});

describe('nextDue', () => {
	const weekly = rec({ kind: 'weekly', interval: 1, days: ['MO'] });

	it('schedule rules count from the due date, whenever the task was done', () => {
		expect(nextDue(weekly, '2026-03-23', '2026-03-27T10:00:00Z')).toBe('2026-03-30');
		expect(nextDue(weekly, '2026-03-23', '2026-03-20T10:00:00Z')).toBe('2026-03-30');
	});

	it('schedule rules without a due date count from the completion day', () => {
		expect(nextDue(weekly, null, '2026-03-25T10:00:00Z')).toBe('2026-03-30');
	});

	it('N days after completion counts from the completion day in the series zone', () => {
		const three = rec({ kind: 'after_completion', interval: 3, unit: 'day' });
		// 23:30 in Berlin on Sunday 29 March (after the spring change) is still the 29th…
		expect(nextDue(three, '2026-03-01', '2026-03-29T21:30:00Z')).toBe('2026-04-01');
		// …and 00:30 on the 30th is the 30th, although it is the 29th in UTC.
		expect(nextDue(three, '2026-03-01', '2026-03-29T22:30:00Z')).toBe('2026-04-02');
		const ny = rec({ kind: 'after_completion', interval: 1, unit: 'week' }, 'America/New_York');
		expect(nextDue(ny, null, '2026-03-08T04:30:00Z')).toBe('2026-03-14');
	});

	it('1 month after completion on January 31 is the end of February', () => {
		const month = rec({ kind: 'after_completion', interval: 1, unit: 'month' }, 'UTC');
		expect(nextDue(month, null, '2026-01-31T12:00:00Z')).toBe('2026-02-28');
		expect(nextDue(month, null, '2026-02-28T12:00:00Z')).toBe('2026-03-28');
		const yearly = rec({ kind: 'custom', rule: 'FREQ=YEARLY' }, 'UTC');
		expect(nextDue(yearly, '2024-02-29', '2024-02-29T12:00:00Z')).toBe('2025-02-28');
	});
});

describe('isValidRule', () => {
	it('accepts preset rules and hand-written ones', () => {
		expect(isValidRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO')).toBe(true);
		expect(isValidRule('FREQ=MONTHLY;BYDAY=-1FR')).toBe(true);
		expect(isValidRule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1')).toBe(true);
	});

	it('refuses garbage, unknown parts and rules that never happen', () => {
		expect(isValidRule('')).toBe(false);
		expect(isValidRule('FREQ=HOURLY')).toBe(false);
		expect(isValidRule('FREQ=DAILY;COUNT=3')).toBe(false);
		expect(isValidRule('FREQ=WEEKLY;BYDAY=XX')).toBe(false);
		expect(isValidRule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30')).toBe(false);
	});
});
