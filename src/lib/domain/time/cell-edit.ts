/**
 * What typing into a timesheet cell (one task, one day) means. A cell shows the sum of that
 * day's entries on the task; typing a new total adds an entry to an empty cell, or resizes
 * the cell's only entry. A cell with several entries is edited entry by entry, so no
 * entry's start, end or note is ever rewritten behind the person's back.
 */
import type { TimeEntry } from '../schemas/time-entry.schema';
import { parseDuration } from './duration';

export type CellEdit =
	| { kind: 'none' }
	| { kind: 'error'; message: string }
	| { kind: 'add'; minutes: number }
	| { kind: 'resize'; entry: TimeEntry; minutes: number }
	| { kind: 'delete'; entry: TimeEntry };

export function planCellEdit(entries: readonly TimeEntry[], text: string): CellEdit {
	const current = entries.reduce((n, e) => n + e.minutes, 0);
	const several = {
		kind: 'error',
		message: `This day has ${entries.length} entries on this task: change them in the list below`
	} as const;
	if (text.trim() === '' || /^0+([.,:]0*)?$/.test(text.trim())) {
		if (entries.length === 0) return { kind: 'none' };
		return entries.length === 1 ? { kind: 'delete', entry: entries[0]! } : several;
	}
	const parsed = parseDuration(text);
	if (!parsed.ok) return { kind: 'error', message: parsed.error };
	if (parsed.minutes === current) return { kind: 'none' };
	if (entries.length === 0) return { kind: 'add', minutes: parsed.minutes };
	if (entries.length === 1) return { kind: 'resize', entry: entries[0]!, minutes: parsed.minutes };
	return several;
}
