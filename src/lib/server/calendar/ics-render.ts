/**
 * iCalendar (RFC 5545) text for the calendar feed: tasks with due dates as all-day events.
 * Pure, so escaping, line folding and date arithmetic are tested without a server.
 */

/** One task as the feed shows it. */
export interface CalendarEvent {
	/** Stable across edits and feeds: calendar apps update the event instead of adding one. */
	uid: string;
	/** Due date, `YYYY-MM-DD`. */
	date: string;
	title: string;
	/** Absolute link to the task in the app. */
	url: string;
	/** Project or workspace name, shown in the description. */
	where: string;
	done: boolean;
	/** ISO date-time of the task's last change. */
	updatedAt: string;
	/** ISO date-time the task was finished, when done. */
	completedAt: string | null;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line to at most 75 octets per physical line (§3.1); continuation lines
 * start with one space, which counts toward their 75. Never splits a UTF-8 sequence.
 */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = Buffer.byteLength(char, 'utf8');
		if (octets + size > MAX_OCTETS) {
			parts.push(current);
			current = ' ';
			octets = 1;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join(CRLF);
}

/** `2026-03-09` → `20260309`. */
const basicDate = (date: string) => date.replace(/-/g, '');

/** The day after `date` (`YYYY-MM-DD`), across month and year ends: DTEND is exclusive. */
export function nextDay(date: string): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** An ISO date-time as a UTC DATE-TIME (`20260309T101500Z`). */
export function utcStamp(iso: string): string {
	return new Date(iso)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

function eventLines(e: CalendarEvent): string[] {
	const description = [
		e.done && e.completedAt ? `Done on ${e.completedAt.slice(0, 10)}.` : null,
		e.where,
		e.url
	]
		.filter(Boolean)
		.join('\n');
	return [
		'BEGIN:VEVENT',
		`UID:${escapeText(e.uid)}`,
		`DTSTAMP:${utcStamp(e.updatedAt)}`,
		`LAST-MODIFIED:${utcStamp(e.updatedAt)}`,
		`DTSTART;VALUE=DATE:${basicDate(e.date)}`,
		`DTEND;VALUE=DATE:${basicDate(nextDay(e.date))}`,
		`SUMMARY:${escapeText(e.done ? `✓ ${e.title}` : e.title)}`,
		`DESCRIPTION:${escapeText(description)}`,
		`URL:${e.url}`,
		// A due date is a deadline, not a meeting: it must not make the person look busy.
		'TRANSP:TRANSPARENT',
		'STATUS:CONFIRMED',
		...(e.done ? ['X-TASKFLOW-STATUS:COMPLETED'] : []),
		'END:VEVENT'
	];
}

/** A whole VCALENDAR with CRLF line ends, every line folded, events sorted by date. */
export function renderCalendar(name: string, events: readonly CalendarEvent[]): string {
	const sorted = [...events].sort((a, b) =>
		a.date === b.date ? (a.uid < b.uid ? -1 : 1) : a.date < b.date ? -1 : 1
	);
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//TaskFlow//Calendar feed//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(name)}`,
		// Calendar apps that honour it poll hourly rather than daily.
		'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
		'X-PUBLISHED-TTL:PT1H',
		...sorted.flatMap(eventLines),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join(CRLF) + CRLF;
}
