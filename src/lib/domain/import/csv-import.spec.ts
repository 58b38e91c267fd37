import { describe, expect, it } from 'vitest';
import { csvStatusValues, guessMapping, planCsv } from './csv-import';
import { guessDelimiter, parseCsvTable } from './csv-table';
import { detectFormat } from './detect-format';
import { fixture } from './import-fixtures';

const text = fixture('generic-tasks.csv');

describe('parseCsvTable', () => {
	it('drops the BOM, detects semicolons and keeps quoted delimiters and line breaks', () => {
		const table = parseCsvTable(text);
		expect(table.headers[0]).toBe('Task Name');
		expect(table.headers).toHaveLength(8);
		expect(table.rows[0]!.cells[1]).toBe('Check the seals.\r\nBring the "big" wrench; and gloves.');
		// The embedded line break does not shift the spreadsheet row numbers.
		expect(table.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
	});
});

describe('guessDelimiter', () => {
	it('counts delimiters in the header line, outside quotes', () => {
		expect(guessDelimiter('Job;State\r\nCheck fences;Open\r\n')).toBe(';');
		expect(guessDelimiter('"a;b;c",x,y\n1,2,3')).toBe(',');
		expect(guessDelimiter('a\tb\tc')).toBe('\t');
		expect(guessDelimiter('title')).toBe(',');
		expect(parseCsvTable('Job;State\r\nCheck fences;Open\r\n').headers).toEqual(['Job', 'State']);
	});
});

describe('detectFormat', () => {
	it('tells generic CSV, Todoist CSV and Trello JSON apart', () => {
		expect(detectFormat(text).kind).toBe('csv');
		expect(detectFormat(fixture('todoist-export.csv')).kind).toBe('todoist');
		expect(detectFormat(fixture('trello-board.json')).kind).toBe('trello');
	});

	it('explains files it cannot use', () => {
		expect(detectFormat('')).toEqual({ kind: 'error', message: 'The file is empty.' });
		expect(detectFormat('{"tasks": []}')).toMatchObject({ kind: 'error' });
		expect(detectFormat('{oops')).toMatchObject({ kind: 'error' });
		expect(detectFormat('title,status\n')).toMatchObject({ kind: 'error' });
	});
});

describe('guessMapping', () => {
	it('maps columns by their header names, each column once', () => {
		const { headers } = parseCsvTable(text);
		expect(guessMapping(headers)).toEqual({
			title: 0,
			description: 1,
			status: 2,
			priority: 3,
			assignee: 4,
			due: 5,
			estimate: 6,
			tags: 7
		});
		expect(guessMapping(['Name', 'Status', 'Column'])).toEqual({ title: 0, status: 1 });
	});
});

describe('planCsv', () => {
	const table = parseCsvTable(text);
	const mapping = guessMapping(table.headers);
	const plan = planCsv(table, mapping);

	it('reads every field of a good row', () => {
		expect(plan.drafts[0]).toMatchObject({
			where: 'Row 2',
			title: 'Inspect pump 3',
			description: 'Check the seals.\r\nBring the "big" wrench; and gloves.',
			statusValue: 'Open',
			priority: 'high',
			assignees: ['olivia'],
			due: '2026-03-09',
			estimate: 1.5,
			tags: ['field', 'pump']
		});
		expect(plan.drafts[1]).toMatchObject({ due: '2026-03-12', estimate: 2, priority: 'urgent' });
		expect(plan.drafts[2]).toMatchObject({ due: '2026-03-20', priority: 'low' });
	});

	it('skips rows it cannot use, with the row number and the reason', () => {
		expect(plan.skipped).toEqual([
			{ where: 'Row 5', title: '', reason: 'missing title' },
			{ where: 'Row 7', title: 'Calibrate sensors', reason: 'unknown priority “whenever”' },
			{ where: 'Row 8', title: 'Paint the shed', reason: 'bad due date “next week”' }
		]);
	});

	it('gives identical rows distinct keys that do not depend on the mapping', () => {
		const twins = plan.drafts.filter((d) => d.title === 'Inspect pump 3');
		expect(twins).toHaveLength(2);
		expect(twins[0]!.key).not.toBe(twins[1]!.key);
		const titlesOnly = planCsv(table, { title: 0 });
		const keyOf = (p: typeof plan, where: string) => p.drafts.find((d) => d.where === where)?.key;
		expect(keyOf(titlesOnly, 'Row 2')).toBe(keyOf(plan, 'Row 2'));
		expect(keyOf(titlesOnly, 'Row 10')).toBe(keyOf(plan, 'Row 10'));
	});

	it('lists the status values for the mapping screen', () => {
		expect(csvStatusValues(table, mapping)).toEqual([
			'Open',
			'In progress',
			'Done',
			'Waiting on vendor'
		]);
	});
});
