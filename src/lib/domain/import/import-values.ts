/**
 * Parsing of the loosely formatted values spreadsheets and other tools export: dates in
 * a few common shapes, priorities by name or number, effort like "2h 30m", tag lists and
 * status names. Each parser returns `undefined` for "present but not understood", so the
 * caller can say why a row was skipped, and `null` for an empty cell.
 */
import type { Priority, TaskStatus } from '../schemas/task.schema';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function isoIfValid(y: number, m: number, d: number): string | undefined {
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
		return undefined;
	}
	return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A calendar date as `YYYY-MM-DD`. Understands ISO dates and date-times (the date part is
 * taken as written), `31.12.2026` (day first, as Europe writes it with dots), `12/31/2026`
 * (month first, as US spreadsheets write it with slashes) and English month names
 * (`Dec 31 2026`, `31 December 2026`).
 */
export function parseDate(raw: string): string | null | undefined {
	const s = raw.trim();
	if (!s) return null;
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$/.exec(s);
	if (m) return isoIfValid(+m[1]!, +m[2]!, +m[3]!);
	m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
	if (m) return isoIfValid(+m[3]!, +m[2]!, +m[1]!);
	m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
	if (m) return isoIfValid(+m[3]!, +m[1]!, +m[2]!);
	m = /^([a-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/i.exec(s);
	if (m) return monthDate(m[1]!, +m[2]!, +m[3]!);
	m = /^(\d{1,2}) ([a-z]{3})[a-z]*\.?,? (\d{4})$/i.exec(s);
	if (m) return monthDate(m[2]!, +m[1]!, +m[3]!);
	return undefined;
}

function monthDate(name: string, day: number, year: number): string | undefined {
	const month = MONTHS.indexOf(name.toLowerCase()) + 1;
	return month > 0 ? isoIfValid(year, month, day) : undefined;
}

const PRIORITY_WORDS: Record<string, Priority> = {
	low: 'low',
	minor: 'low',
	medium: 'medium',
	normal: 'medium',
	med: 'medium',
	high: 'high',
	major: 'high',
	urgent: 'urgent',
	critical: 'urgent',
	highest: 'urgent',
	lowest: 'low',
	p1: 'urgent',
	p2: 'high',
	p3: 'medium',
	p4: 'low'
};

/** A priority by name (`High`, `critical`, `P2`); empty is the default, `medium`. */
export function parsePriority(raw: string): Priority | undefined {
	const s = raw.trim().toLowerCase();
	if (!s) return 'medium';
	return PRIORITY_WORDS[s];
}

/**
 * Effort in hours: `3`, `1,5`, `2h`, `90m`, `1h 30m`, `1d` (a working day of 8 hours).
 */
export function parseEstimate(raw: string): number | null | undefined {
	const s = raw.trim().toLowerCase().replace(',', '.');
	if (!s) return null;
	if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
	const parts = [...s.matchAll(/(\d+(?:\.\d+)?)\s*(d|h|m|min|mins|hrs?|hours?|minutes?|days?)\b/g)];
	const used = parts.map((p) => p[0]).join('');
	if (parts.length === 0 || used.replace(/\s/g, '') !== s.replace(/\s/g, '')) return undefined;
	let hours = 0;
	for (const [, n, unit] of parts) {
		const value = Number(n);
		if (unit!.startsWith('d')) hours += value * 8;
		else if (unit!.startsWith('m')) hours += value / 60;
		else hours += value;
	}
	return Math.round(hours * 100) / 100;
}

/** Tags from a cell: separated by commas, semicolons or pipes; trimmed, at most 40 long. */
export function splitTags(raw: string): string[] {
	return raw
		.split(/[,;|]/)
		.map((t) => t.trim().slice(0, 40).trim())
		.filter(Boolean);
}

const STATUS_WORDS: [RegExp, TaskStatus][] = [
	[/^(to ?do|todo|open|new|backlog|not started|planned|next|ideas?|inbox)$/, 'todo'],
	[/^(in ?progress|doing|started|active|working|wip|ongoing)$/, 'in_progress'],
	[/^(review|in review|testing|qa|verify|waiting|blocked)$/, 'review'],
	[/^(done|closed|complete|completed|finished|resolved|shipped|yes|x|true)$/, 'done']
];

/** The TaskFlow status a source value most likely means, or null when it is not clear. */
export function guessStatus(value: string): TaskStatus | null {
	const s = value
		.trim()
		.toLowerCase()
		.replace(/[_-]+/g, ' ')
		.replace(/[^\p{L}\p{N} ]/gu, '')
		.trim();
	for (const [re, status] of STATUS_WORDS) if (re.test(s)) return status;
	return null;
}
