import { describe, expect, it } from 'vitest';
import { isValidRule } from './recurrence';
import {
	describeRule,
	describeSpec,
	ruleToSpec,
	specToRule,
	type RepeatSpec
} from './repeat-presets';

const cases: [RepeatSpec, string, string][] = [
	[{ kind: 'daily', interval: 1 }, 'FREQ=DAILY', 'Every day'],
	[{ kind: 'daily', interval: 3 }, 'FREQ=DAILY;INTERVAL=3', 'Every 3 days'],
	[{ kind: 'weekdays' }, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'Every weekday'],
	[{ kind: 'weekly', interval: 1, days: ['TU'] }, 'FREQ=WEEKLY;BYDAY=TU', 'Every week on Tuesday'],
	[
		{ kind: 'weekly', interval: 2, days: ['MO'] },
		'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO',
		'Every 2 weeks on Monday'
	],
	[
		{ kind: 'weekly', interval: 1, days: ['MO', 'WE', 'FR'] },
		'FREQ=WEEKLY;BYDAY=MO,WE,FR',
		'Every week on Monday, Wednesday and Friday'
	],
	[
		{ kind: 'monthly_day', interval: 1, day: 15 },
		'FREQ=MONTHLY;BYMONTHDAY=15',
		'Monthly on the 15th'
	],
	[
		{ kind: 'monthly_day', interval: 1, day: 31 },
		'FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1',
		'Monthly on the 31st (or the month’s last day)'
	],
	[
		{ kind: 'monthly_nth', interval: 1, nth: -1, weekday: 'FR' },
		'FREQ=MONTHLY;BYDAY=-1FR',
		'Monthly on the last Friday'
	],
	[
		{ kind: 'monthly_nth', interval: 3, nth: 2, weekday: 'TU' },
		'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU',
		'Every 3 months on the second Tuesday'
	],
	[
		{ kind: 'yearly', month: 2, day: 29 },
		'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1',
		'Yearly on February 29'
	],
	[
		{ kind: 'yearly', month: 12, day: 24 },
		'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24',
		'Yearly on December 24'
	]
];

describe('repeat presets', () => {
	it.each(cases)('%o ↔ %s', (spec, rule, text) => {
		expect(specToRule(spec)).toEqual({ rule, mode: 'schedule' });
		expect(ruleToSpec(rule, 'schedule')).toEqual(spec);
		expect(describeSpec(spec)).toBe(text);
		expect(isValidRule(rule)).toBe(true);
	});

	it('N days, weeks or months after completion', () => {
		const spec: RepeatSpec = { kind: 'after_completion', interval: 3, unit: 'day' };
		expect(specToRule(spec)).toEqual({ rule: 'FREQ=DAILY;INTERVAL=3', mode: 'after_completion' });
		expect(ruleToSpec('FREQ=DAILY;INTERVAL=3', 'after_completion')).toEqual(spec);
		expect(describeRule('FREQ=DAILY;INTERVAL=3', 'after_completion')).toBe(
			'3 days after completion'
		);
		expect(describeRule('FREQ=MONTHLY', 'after_completion')).toBe('1 month after completion');
	});

	it('keeps rules that fit no preset as custom', () => {
		for (const rule of ['FREQ=WEEKLY;BYDAY=MO;WKST=SU', 'FREQ=MONTHLY;BYMONTHDAY=1,15']) {
			expect(ruleToSpec(rule, 'schedule')).toEqual({ kind: 'custom', rule });
			expect(describeRule(rule, 'schedule')).toBe(`Custom: ${rule}`);
		}
	});
});
