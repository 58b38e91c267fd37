/** Date-range presets of the time report, as inclusive `YYYY-MM-DD` pairs. */
import { addDays } from '$lib/domain/local-date';
import { weekStartOf, type WeekStart } from '$lib/domain/time/zoned-time';

export const RANGE_PRESETS = [
	'this-week',
	'last-week',
	'this-month',
	'last-month',
	'custom'
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const PRESET_LABELS: Record<RangePreset, string> = {
	'this-week': 'This week',
	'last-week': 'Last week',
	'this-month': 'This month',
	'last-month': 'Last month',
	custom: 'Custom'
};

const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
function monthEnd(d: string): string {
	const [y, m] = d.split('-').map(Number) as [number, number];
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return `${d.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/** The days a preset covers, given today and the user's first day of the week. */
export function presetRange(
	preset: Exclude<RangePreset, 'custom'>,
	today: string,
	weekStart: WeekStart
): { from: string; to: string } {
	const week = weekStartOf(today, weekStart);
	switch (preset) {
		case 'this-week':
			return { from: week, to: addDays(week, 6) };
		case 'last-week':
			return { from: addDays(week, -7), to: addDays(week, -1) };
		case 'this-month':
			return { from: monthStart(today), to: monthEnd(today) };
		case 'last-month': {
			const prev = addDays(monthStart(today), -1);
			return { from: monthStart(prev), to: monthEnd(prev) };
		}
	}
}
