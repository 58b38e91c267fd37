import { describe, expect, it } from 'vitest';
import type { ImportBatch } from '$lib/domain/import/import-plan';
import type { ImportOutcome } from '$lib/db/import.repo';
import { reportText } from './import-report';

describe('reportText', () => {
	it('counts the outcome and lists every skipped row, warning and failure with its reason', () => {
		const batch: ImportBatch = {
			tasks: [],
			skipped: [{ where: 'Row 5', title: '', reason: 'missing title' }],
			warnings: [{ where: 'Row 3', title: 'Valves', message: 'assignee “x” is not a member' }]
		};
		const outcome = {
			created: [{}, {}],
			alreadyThere: [{}],
			failed: [{ where: 'Row 9', title: 'Pump', reason: 'forbidden' }],
			comments: 1
		} as unknown as ImportOutcome;
		expect(
			reportText({ fileName: 'jobs.csv', source: 'CSV', project: 'Site', batch, outcome })
		).toBe(
			[
				'Import of jobs.csv (CSV) into “Site”',
				'',
				'Created: 2 tasks, 1 comment',
				'Already imported before: 1 task',
				'Skipped: 1 row',
				'Refused by the database: 1',
				'',
				'Skipped:',
				'- Row 5: missing title',
				'',
				'Imported with warnings:',
				'- Row 3 “Valves”: assignee “x” is not a member',
				'',
				'Refused by the database:',
				'- Row 9 “Pump”: forbidden',
				''
			].join('\n')
		);
	});
});
