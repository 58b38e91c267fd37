/** Starting values for each repeat preset, taken from the task's due date (or today). */
import {
	WEEKDAYS,
	type Nth,
	type RepeatKind,
	type RepeatSpec,
	type Weekday
} from './repeat-presets';

const parse = (date: string) => date.split('-').map(Number) as [number, number, number];

/** Monday-first weekday of a calendar date. */
export function weekdayOf(date: string): Weekday {
	const [y, m, d] = parse(date);
	return WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7]!;
}

/** Which of its weekday the date is in its month: 1–4, or -1 for a fifth (the last). */
export function nthOf(date: string): Nth {
	const n = Math.ceil(parse(date)[2] / 7);
	return (n >= 5 ? -1 : n) as Nth;
}

/** The preset `kind` filled in to include `anchor` ("weekly" on the anchor's weekday, …). */
export function defaultSpec(kind: RepeatKind, anchor: string): RepeatSpec {
	const [, month, day] = parse(anchor);
	switch (kind) {
		case 'daily':
			return { kind, interval: 1 };
		case 'weekdays':
			return { kind };
		case 'weekly':
			return { kind, interval: 1, days: [weekdayOf(anchor)] };
		case 'monthly_day':
			return { kind, interval: 1, day };
		case 'monthly_nth':
			return { kind, interval: 1, nth: nthOf(anchor), weekday: weekdayOf(anchor) };
		case 'yearly':
			return { kind, month, day };
		case 'after_completion':
			return { kind, interval: 1, unit: 'week' };
		case 'custom':
			return { kind, rule: 'FREQ=WEEKLY;BYDAY=' + weekdayOf(anchor) };
	}
}
