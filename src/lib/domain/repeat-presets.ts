/**
 * The repeat choices the UI offers, as plain data, and their translation to and from RRULE
 * bodies plus a human description ("Every 2 weeks on Monday"). Rules that fit no preset are
 * kept as `custom` and described from their parts.
 */
import { monthDayParts } from './month-day';
import type { RecurrenceMode } from './schemas/recurrence.schema';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_NAMES: Record<Weekday, string> = {
	MO: 'Monday',
	TU: 'Tuesday',
	WE: 'Wednesday',
	TH: 'Thursday',
	FR: 'Friday',
	SA: 'Saturday',
	SU: 'Sunday'
};
export const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
] as const;
/** 1st…4th, or -1 for the last one in the month. */
export type Nth = 1 | 2 | 3 | 4 | -1;
export type AfterUnit = 'day' | 'week' | 'month';

export type RepeatSpec =
	| { kind: 'daily'; interval: number }
	| { kind: 'weekdays' }
	| { kind: 'weekly'; interval: number; days: Weekday[] }
	| { kind: 'monthly_day'; interval: number; day: number }
	| { kind: 'monthly_nth'; interval: number; nth: Nth; weekday: Weekday }
	| { kind: 'yearly'; month: number; day: number }
	| { kind: 'after_completion'; interval: number; unit: AfterUnit }
	| { kind: 'custom'; rule: string };

export type RepeatKind = RepeatSpec['kind'];

const FREQ_OF: Record<AfterUnit, string> = { day: 'DAILY', week: 'WEEKLY', month: 'MONTHLY' };
const UNIT_OF: Record<string, AfterUnit> = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month' };

const every = (interval: number) => (interval > 1 ? `;INTERVAL=${interval}` : '');

/** The RRULE body and mode for `spec`. */
export function specToRule(spec: RepeatSpec): { rule: string; mode: RecurrenceMode } {
	const schedule = (rule: string) => ({ rule, mode: 'schedule' as const });
	switch (spec.kind) {
		case 'daily':
			return schedule(`FREQ=DAILY${every(spec.interval)}`);
		case 'weekdays':
			return schedule('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
		case 'weekly':
			return schedule(`FREQ=WEEKLY${every(spec.interval)};BYDAY=${spec.days.join(',')}`);
		case 'monthly_day':
			return schedule(`FREQ=MONTHLY${every(spec.interval)};${monthDayParts(spec.day)}`);
		case 'monthly_nth':
			return schedule(`FREQ=MONTHLY${every(spec.interval)};BYDAY=${spec.nth}${spec.weekday}`);
		case 'yearly':
			return schedule(`FREQ=YEARLY;BYMONTH=${spec.month};${monthDayParts(spec.day)}`);
		case 'after_completion':
			return {
				rule: `FREQ=${FREQ_OF[spec.unit]}${every(spec.interval)}`,
				mode: 'after_completion'
			};
		case 'custom':
			return schedule(spec.rule);
	}
}

function parts(rule: string): Map<string, string> {
	return new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
}

/** The preset `rule` was made from (its fields filled in), or `custom`. */
export function ruleToSpec(rule: string, mode: RecurrenceMode): RepeatSpec {
	const p = parts(rule);
	const freq = p.get('FREQ') ?? '';
	const interval = Number(p.get('INTERVAL') ?? '1');
	const byday = p.get('BYDAY');
	const monthDays = p.get('BYMONTHDAY')?.split(',').map(Number) ?? [];
	const day = monthDays.length ? Math.max(...monthDays) : 0;
	const keys = [...p.keys()]
		.filter((k) => k !== 'FREQ' && k !== 'INTERVAL')
		.sort()
		.join(',');
	const fits = (...specs: RepeatSpec[]) =>
		specs.find((s) => specToRule(s).rule === rule && specToRule(s).mode === mode);
	const custom: RepeatSpec = { kind: 'custom', rule };
	if (mode === 'after_completion') {
		const unit = UNIT_OF[freq];
		return (unit && fits({ kind: 'after_completion', interval, unit })) || custom;
	}
	const candidates: RepeatSpec[] = [{ kind: 'daily', interval }, { kind: 'weekdays' }];
	if (keys === 'BYDAY' && byday) {
		const days = byday.split(',') as Weekday[];
		candidates.push({ kind: 'weekly', interval, days });
		const m = /^(-?\d)([A-Z]{2})$/.exec(byday);
		if (m) {
			candidates.push({
				kind: 'monthly_nth',
				interval,
				nth: Number(m[1]) as Nth,
				weekday: m[2] as Weekday
			});
		}
	}
	if (day > 0) {
		candidates.push({ kind: 'monthly_day', interval, day });
		candidates.push({ kind: 'yearly', month: Number(p.get('BYMONTH')), day });
	}
	return fits(...candidates) ?? custom;
}

const ordinal = (n: number): string => {
	const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
	return `${n}${s}`;
};
const NTH_NAMES: Record<string, string> = {
	'1': 'first',
	'2': 'second',
	'3': 'third',
	'4': 'fourth',
	'-1': 'last'
};
const plural = (n: number, unit: string) => (n === 1 ? unit : `${n} ${unit}s`);
const listDays = (days: readonly Weekday[]): string => {
	const names = days.map((d) => WEEKDAY_NAMES[d]);
	return names.length <= 1
		? (names[0] ?? '')
		: `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
};

/** "Every weekday", "Every 2 weeks on Monday", "Monthly on the last Friday", … */
export function describeSpec(spec: RepeatSpec): string {
	switch (spec.kind) {
		case 'daily':
			return spec.interval === 1 ? 'Every day' : `Every ${spec.interval} days`;
		case 'weekdays':
			return 'Every weekday';
		case 'weekly':
			return `Every ${plural(spec.interval, 'week')} on ${listDays(spec.days)}`;
		case 'monthly_day': {
			const on =
				spec.day >= 29
					? `the ${ordinal(spec.day)} (or the month’s last day)`
					: `the ${ordinal(spec.day)}`;
			return `${spec.interval === 1 ? 'Monthly' : `Every ${spec.interval} months`} on ${on}`;
		}
		case 'monthly_nth':
			return `${spec.interval === 1 ? 'Monthly' : `Every ${spec.interval} months`} on the ${NTH_NAMES[String(spec.nth)]} ${WEEKDAY_NAMES[spec.weekday]}`;
		case 'yearly':
			return `Yearly on ${MONTH_NAMES[spec.month - 1]} ${spec.day}`;
		case 'after_completion':
			return `${spec.interval} ${spec.interval === 1 ? spec.unit : `${spec.unit}s`} after completion`;
		case 'custom':
			return `Custom: ${spec.rule}`;
	}
}

/** The human description of a stored rule. */
export const describeRule = (rule: string, mode: RecurrenceMode): string =>
	describeSpec(ruleToSpec(rule, mode));
