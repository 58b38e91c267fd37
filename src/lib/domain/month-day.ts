/**
 * The RRULE parts for "day N of the month", kept apart from `recurrence.ts` so describing a
 * rule (cards, pickers) does not load the `rrule` library.
 */

/**
 * `BYMONTHDAY` for "on day `day` of the month". Days 29–31 fall back to the month's last
 * day when a month is shorter (the largest existing day out of 28…day), where plain RFC 5545
 * would skip that month: "monthly on the 31st" is on Feb 28, then back on Mar 31.
 */
export function monthDayParts(day: number): string {
	if (day <= 28) return `BYMONTHDAY=${day}`;
	const days = Array.from({ length: day - 27 }, (_, i) => 28 + i).join(',');
	return `BYMONTHDAY=${days};BYSETPOS=-1`;
}
