/**
 * Durations typed by people ("1h30", "90m", "1.5") and shown back to them ("1:30"). Pure:
 * no clock, no time zone.
 */

/** The longest a single time entry may be, in minutes. */
export const MAX_ENTRY_MINUTES = 24 * 60;

/** Result of {@link parseDuration}: whole minutes, or a sentence to show under the input. */
export type ParsedDuration = { ok: true; minutes: number } | { ok: false; error: string };

const HINT = 'Enter a duration such as 1h30, 90m or 1.5';
const NUMBER = String.raw`(\d+(?:[.,]\d*)?|[.,]\d+)`;
const HOUR_UNIT = String.raw`h(?:ours?|rs?)?`;
const MINUTE_UNIT = String.raw`m(?:in(?:ute)?s?)?`;
/** `2h`, `1h30`, `1h 30m`, `1.5h`. Minutes after hours need no unit. */
const HOURS_FORM = new RegExp(`^${NUMBER}\\s*${HOUR_UNIT}(?:\\s*(\\d+)\\s*(?:${MINUTE_UNIT})?)?$`);
/** `90m`, `90 min`, `45 minutes`. */
const MINUTES_FORM = new RegExp(`^${NUMBER}\\s*${MINUTE_UNIT}$`);
/** `1:30`, `0:45`. */
const CLOCK_FORM = /^(\d+)\s*:\s*(\d{2})$/;
/** A bare number is hours: `1.5`, `1,5`, `2`. */
const BARE_FORM = new RegExp(`^${NUMBER}$`);

/**
 * `hours` (a decimal string, `.` or `,` as separator) times 60, without float drift in the
 * decimal part: `"0.025"` gives exactly 1.5 so that rounding sends it up to 2.
 */
function decimalTimes60(decimal: string): number {
	const [whole = '', fraction = ''] = decimal.replace(',', '.').split('.');
	const digits = Number(`${whole || '0'}${fraction}`);
	return (digits * 60) / 10 ** fraction.length;
}

/** Minutes (not yet rounded) described by `text`, or null when it has none of the forms. */
function rawMinutes(text: string): number | null {
	let m = CLOCK_FORM.exec(text);
	if (m) {
		const minutes = Number(m[2]);
		return minutes < 60 ? Number(m[1]) * 60 + minutes : null;
	}
	m = BARE_FORM.exec(text);
	if (m) return decimalTimes60(m[1] ?? '');
	m = HOURS_FORM.exec(text);
	if (m) {
		const minutes = m[2] === undefined ? 0 : Number(m[2]);
		return minutes < 60 ? decimalTimes60(m[1] ?? '') + minutes : null;
	}
	m = MINUTES_FORM.exec(text);
	if (m) return decimalTimes60(m[1] ?? '') / 60;
	return null;
}

/**
 * Parse a typed duration into whole minutes (rounded half up). Case-insensitive, spaces
 * allowed. Accepted forms: `1h30`, `1h 30m`, `1h30m`, `2h`, `1.5h`, `90m`, `90 min`,
 * `1.5` and `1,5` (a bare number means hours), `1:30` and `0:45` (h:mm, mm below 60).
 * Minutes written after hours must also be below 60 (`1h75` is refused, like `1:75`).
 * The result is more than zero and at most {@link MAX_ENTRY_MINUTES}.
 */
export function parseDuration(input: string): ParsedDuration {
	const text = input.trim().toLowerCase();
	const raw = text === '' ? null : rawMinutes(text);
	if (raw === null || !Number.isFinite(raw)) return { ok: false, error: HINT };
	const minutes = Math.round(raw);
	if (minutes <= 0) return { ok: false, error: 'Duration must be more than zero' };
	if (minutes > MAX_ENTRY_MINUTES) {
		return { ok: false, error: 'A time entry cannot be longer than 24 hours' };
	}
	return { ok: true, minutes };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Minutes as `h:mm` (hours are not capped at 24): 90 → `1:30`, 5 → `0:05`, 1500 → `25:00`.
 * Fractions are rounded to whole minutes; negative values get a leading `-`.
 */
export function formatDuration(minutes: number): string {
	const total = Math.round(Math.abs(minutes));
	const sign = minutes < 0 && total > 0 ? '-' : '';
	return `${sign}${Math.floor(total / 60)}:${pad2(total % 60)}`;
}

/** Minutes as decimal hours with two decimals, for reports and CSV: 90 → `1.50`. */
export function formatHours(minutes: number): string {
	const hundredths = Math.round((Math.abs(minutes) * 100) / 60);
	const sign = minutes < 0 && hundredths > 0 ? '-' : '';
	return `${sign}${(hundredths / 100).toFixed(2)}`;
}

/**
 * Milliseconds as a running timer shows them, `h:mm:ss` (`0:00:07`, `12:03:09`). Partial
 * seconds are dropped; negative values (a clock behind the timer's start) show `0:00:00`.
 */
export function formatElapsed(ms: number): string {
	const seconds = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
	const h = Math.floor(seconds / 3600);
	return `${h}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
}
