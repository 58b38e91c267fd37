/**
 * CSV export of time entries (RFC 4180: CRLF line endings, quoted fields where needed),
 * safe to open in a spreadsheet: text that would start a formula is neutralised.
 */
import { csvField, textField } from '../csv-cell';
import type { TimeEntry } from '../schemas/time-entry.schema';
import { formatHours } from './duration';
import { amount, roundCents } from './time-totals';
import { dayOfIsoString } from './zoned-time';

/** Header row of the export, in column order. */
export const TIME_CSV_COLUMNS = [
	'date',
	'member',
	'project',
	'task',
	'note',
	'hours',
	'billable',
	'rate',
	'amount',
	'start',
	'end'
] as const;

/** Names and rates the export shows instead of ids. */
export type TimeCsvContext = {
	projectName: (id: string) => string;
	taskTitle: (id: string) => string;
	memberName: (user: string) => string;
	rate: (project: string, user: string) => number;
};

/** Re-exported: time-csv.spec.ts has tested it from this module since before csv-cell.ts. */
export { csvField };

const money = (value: number): string => roundCents(value).toFixed(2);

/**
 * The finished entries (running timers are skipped) as CSV, header first, oldest start
 * first, every line ending in CRLF. `date` is the calendar day of `start` as written;
 * `start` and `end` are the stored ISO strings; the amount is 0 for non-billable entries.
 */
export function timeEntriesCsv(entries: readonly TimeEntry[], ctx: TimeCsvContext): string {
	const finished = entries
		.filter((e): e is TimeEntry & { end: string } => e.end !== null)
		.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a._id < b._id ? -1 : 1));
	const lines = [TIME_CSV_COLUMNS.join(',')];
	for (const e of finished) {
		const rate = ctx.rate(e.project, e.user);
		const fields = [
			csvField(dayOfIsoString(e.start)),
			textField(ctx.memberName(e.user)),
			textField(ctx.projectName(e.project)),
			textField(ctx.taskTitle(e.task)),
			textField(e.note),
			formatHours(e.minutes),
			e.billable ? 'yes' : 'no',
			money(rate),
			money(e.billable ? amount(e.minutes, rate) : 0),
			csvField(e.start),
			csvField(e.end)
		];
		lines.push(fields.join(','));
	}
	return lines.map((line) => `${line}\r\n`).join('');
}
