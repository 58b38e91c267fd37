import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../schemas/time-entry.schema';
import { csvField, TIME_CSV_COLUMNS, timeEntriesCsv, type TimeCsvContext } from './time-csv';
import { timeEntry } from './time-fixtures';

describe('csvField', () => {
	it.each([
		['plain', 'plain'],
		['', ''],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['line1\nline2', '"line1\nline2"'],
		['a\rb', '"a\rb"'],
		['=1+1', '=1+1']
	])('writes %j as %j', (value, field) => {
		expect(csvField(value)).toBe(field);
	});
});

const base = timeEntry({ task: 'task:T1', project: 'project:P1' });
const ctx: TimeCsvContext = {
	projectName: (id) => (id === 'project:P1' ? 'Website, v2' : id),
	taskTitle: (id) => (id === 'task:T1' ? '=HYPERLINK("x")' : '@SUM(A1)'),
	memberName: () => 'Alice "Al" Smith',
	rate: (project, user) => (project === 'project:P1' && user === 'alice' ? 80.5 : 0)
};

describe('timeEntriesCsv', () => {
	// Later as an instant (04:30Z) but earlier as a string than the next one (00:00Z).
	const evening: TimeEntry = {
		...base,
		_id: 'time:01KAAAAAAAAAAAAAAAAAAAAAAB',
		start: '2026-11-16T23:30:00-05:00',
		end: '2026-11-17T00:15:00-05:00',
		minutes: 45,
		note: 'Line one\nline two',
		task: 'task:T2'
	};
	const morning: TimeEntry = {
		...base,
		start: '2026-11-17T01:00:00+01:00',
		end: '2026-11-17T02:30:00+01:00',
		minutes: 90,
		billable: false,
		note: '-5 min break'
	};
	const runningTimer: TimeEntry = { ...base, start: '2026-11-17T08:00:00+01:00' };

	it('writes a header and one row per finished entry, by start instant, with CRLF', () => {
		expect(timeEntriesCsv([evening, runningTimer, morning], ctx)).toBe(
			'date,member,project,task,note,hours,billable,rate,amount,start,end\r\n' +
				`2026-11-17,"Alice ""Al"" Smith","Website, v2","'=HYPERLINK(""x"")",'-5 min break,1.50,no,80.50,0.00,2026-11-17T01:00:00+01:00,2026-11-17T02:30:00+01:00\r\n` +
				`2026-11-16,"Alice ""Al"" Smith","Website, v2",'@SUM(A1),"Line one\nline two",0.75,yes,80.50,60.38,2026-11-16T23:30:00-05:00,2026-11-17T00:15:00-05:00\r\n`
		);
	});

	it('has exactly the documented columns', () => {
		const header = timeEntriesCsv([], ctx);
		expect(header).toBe(`${TIME_CSV_COLUMNS.join(',')}\r\n`);
		expect(TIME_CSV_COLUMNS).toHaveLength(11);
	});

	it.each([
		['+1 call', "'+1 call"],
		['\tindent', "'\tindent"],
		['\rX', `"'\rX"`],
		['@home', "'@home"],
		['a=b', 'a=b'],
		// Spreadsheets that trim leading spaces on import would still see a formula.
		[' =x', "' =x"],
		['=1+1\nmore', `"'=1+1\nmore"`],
		['fine\n@SUM(A1)', `"fine\n'@SUM(A1)"`],
		['a\n\n -cmd', `"a\n\n' -cmd"`]
	])('guards the note %j as %j', (note, field) => {
		const simple = {
			...ctx,
			memberName: () => 'Al',
			projectName: () => 'Web',
			taskTitle: () => 'T'
		};
		const csv = timeEntriesCsv([{ ...morning, note }], simple);
		expect(csv.split('\r\n')[1]?.split(',')[4]).toBe(field);
	});

	it('shows a zero rate and formats money to two decimals', () => {
		const other = { ...morning, project: 'project:P2', billable: true };
		const line = timeEntriesCsv([other], { ...ctx, projectName: () => 'Intern' }).split('\r\n')[1];
		expect(line).toBe(
			`2026-11-17,"Alice ""Al"" Smith",Intern,"'=HYPERLINK(""x"")",'-5 min break,1.50,yes,0.00,0.00,2026-11-17T01:00:00+01:00,2026-11-17T02:30:00+01:00`
		);
	});
});
