/**
 * Weeks of calendar dates (`YYYY-MM-DD`). Pure calendar arithmetic: no instants, no zones.
 * Re-exported by `zoned-time.ts`.
 */
import { addDays } from '../local-date';

/** The day a week starts on, as users choose it in their settings. */
export type WeekStart = 'monday' | 'sunday' | 'saturday';

const FIRST_DAY: Record<WeekStart, number> = { sunday: 0, monday: 1, saturday: 6 };

function parts(date: string): [number, number, number] {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
	return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
function dayOfWeek(date: string): number {
	const [y, m, d] = parts(date);
	return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** First day of the week that contains `date`, for weeks starting on `weekStart`. */
export function weekStartOf(date: string, weekStart: WeekStart): string {
	const back = (dayOfWeek(date) - FIRST_DAY[weekStart] + 7) % 7;
	return addDays(date, -back);
}

/** The seven dates of the week starting on `weekStartDate`. */
export function weekDays(weekStartDate: string): string[] {
	return Array.from({ length: 7 }, (_, i) => addDays(weekStartDate, i));
}

/**
 * ISO 8601 week of `date` as `YYYY-Www`, with the week-numbering year (which differs from
 * the calendar year around New Year): 2027-01-01 → `2026-W53`, 2024-12-30 → `2025-W01`.
 */
export function isoWeekKey(date: string): string {
	const isoDay = dayOfWeek(date) || 7;
	// The Thursday of the same Monday-based week decides the year.
	const [y, m, d] = parts(addDays(date, 4 - isoDay));
	const dayOfYear = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
	return `${y}-W${String(Math.floor((dayOfYear - 1) / 7) + 1).padStart(2, '0')}`;
}
