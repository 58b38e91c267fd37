/**
 * When a repeating task comes round again. Rules are RFC 5545 RRULE bodies evaluated with
 * the `rrule` library on calendar dates: each `YYYY-MM-DD` is mapped to midnight UTC, a
 * calendar with no daylight-saving shifts, so "every Monday" stays on Mondays across DST
 * changes. The only place a time zone matters is deciding which calendar day a completion
 * (an instant) fell on, which uses the series' own zone, not the device's.
 */
import * as rrule from 'rrule';

// Bundlers load rrule's ES build (named exports); plain Node (the bench, scripts) loads its
// CommonJS build, whose exports sit on `default`.
const { RRule } = (rrule as typeof rrule & { default?: typeof rrule }).default ?? rrule;
type RRule = InstanceType<typeof RRule>;
import { RRULE_PATTERN, type Recurrence } from './schemas/recurrence.schema';
import { monthDayParts } from './month-day';

export { monthDayParts };

const RULE_RE = new RegExp(RRULE_PATTERN);

const toUtc = (date: string): Date => {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d));
};
const fromUtc = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * A monthly or yearly rule that names no day takes it from its start; spelling it out with
 * the month-end fallback keeps "1 month after Jan 31" on Feb 28 instead of Mar 31.
 */
function withStartDay(rule: string, start: string): string {
	const keys = rule.split(';').map((p) => p.split('=')[0]);
	const freq = /^FREQ=(\w+)/.exec(rule)?.[1];
	if (freq !== 'MONTHLY' && freq !== 'YEARLY') return rule;
	if (keys.some((k) => k === 'BYMONTHDAY' || k === 'BYDAY' || k === 'BYSETPOS')) return rule;
	const [, month, day] = start.split('-').map(Number) as [number, number, number];
	const byMonth = freq === 'YEARLY' && !keys.includes('BYMONTH') ? `;BYMONTH=${month}` : '';
	return `${rule}${byMonth};${monthDayParts(day)}`;
}

/** The rule anchored at `start`, or null when it does not parse. */
function ruleFrom(rule: string, start: string): RRule | null {
	if (!RULE_RE.test(rule)) return null;
	try {
		const options = RRule.parseString(withStartDay(rule, start));
		return new RRule({ ...options, dtstart: toUtc(start) });
	} catch {
		return null;
	}
}

/** The first date the rule yields strictly after `after`, counting from `start`. */
export function occurrenceAfter(rule: string, start: string, after: string = start): string | null {
	const next = ruleFrom(rule, start)?.after(toUtc(after), false);
	return next ? fromUtc(next) : null;
}

/**
 * True when `rule` is one TaskFlow accepts and keeps coming round (a rule such as
 * "every February 30th" parses but never happens).
 */
export function isValidRule(rule: string): boolean {
	return occurrenceAfter(rule, '2024-01-01') !== null;
}

function dateFormat(zone: string): Intl.DateTimeFormat {
	const options = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
	try {
		return new Intl.DateTimeFormat('en-CA', { ...options, timeZone: zone });
	} catch {
		// A zone this device's ICU does not know: completing the task must not fail over it.
		return new Intl.DateTimeFormat('en-CA', { ...options, timeZone: 'UTC' });
	}
}

/** The calendar date (`YYYY-MM-DD`) of `instant` in time zone `zone`. */
export function localDateIn(instant: string | Date, zone: string): string {
	const parts = dateFormat(zone).formatToParts(
		typeof instant === 'string' ? new Date(instant) : instant
	);
	const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The device's time zone, for new rules. */
export const deviceZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The due date of the occurrence after one with due date `due`, completed at `completedAt`.
 * `schedule` rules follow the calendar from the due date (or the completion day when the
 * task had none); `after_completion` rules count from the day it was done. Null when the
 * rule yields no further date.
 */
export function nextDue(
	rec: Pick<Recurrence, 'rule' | 'mode' | 'zone'>,
	due: string | null,
	completedAt: string
): string | null {
	const doneOn = localDateIn(completedAt, rec.zone);
	const base = rec.mode === 'schedule' && due ? due : doneOn;
	return occurrenceAfter(rec.rule, base);
}
