/** Calendar dates as `YYYY-MM-DD` strings in the user's local time zone. */

const pad = (n: number) => String(n).padStart(2, '0');

export function toLocalDate(d: Date): string {
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `date` shifted by `days` calendar days (DST-safe: works on the calendar, not on ms). */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return toLocalDate(new Date(y, m - 1, d + days));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	const toUtc = (s: string) => {
		const [y, m, d] = s.split('-').map(Number) as [number, number, number];
		return Date.UTC(y, m - 1, d);
	};
	return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** Monday-based end of the week containing `date` (Sunday). */
export function endOfWeek(date: string, weekStartsOn: 0 | 1 = 1): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const dow = new Date(y, m - 1, d).getDay();
	const offset = (weekStartsOn + 6 - dow + 7) % 7;
	return addDays(date, offset);
}

/** Today's calendar date on this device. */
export const todayLocal = (): string => toLocalDate(new Date());
