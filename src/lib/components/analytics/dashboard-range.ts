/** The dashboard's date ranges: whole ISO weeks ending with the current one. */
import { addDays } from '$lib/domain/local-date';
import { weekStartOf } from '$lib/domain/time/week';

export const RANGES = [
	{ id: '4w', label: '4 weeks', weeks: 4 },
	{ id: '12w', label: '12 weeks', weeks: 12 },
	{ id: '26w', label: '6 months', weeks: 26 }
] as const;
export type RangeId = (typeof RANGES)[number]['id'];

/** `weeks` whole Monday-based weeks up to the end of the week holding `today`. */
export function dashboardRange(today: string, weeks: number): { from: string; to: string } {
	const thisWeek = weekStartOf(today, 'monday');
	return { from: addDays(thisWeek, -7 * (weeks - 1)), to: addDays(thisWeek, 6) };
}
