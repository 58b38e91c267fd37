import { describe, expect, it } from 'vitest';
import { parseCsvTable } from './csv-table';
import { fixture } from './import-fixtures';
import { personName, planTodoist, splitLabels } from './todoist-import';

const plan = planTodoist(parseCsvTable(fixture('todoist-export.csv')));
const draft = (title: string) => plan.drafts.find((d) => d.title === title)!;

describe('planTodoist', () => {
	it('reads a task with labels, priority p1, date and deadline', () => {
		expect(draft('Plan the spring field season')).toMatchObject({
			where: 'Row 2',
			description: 'Dates, crews and vehicles',
			priority: 'urgent',
			tags: ['planning'],
			assignees: ['olivia'],
			// The deadline is the due date; the plain date becomes the start.
			due: '2026-03-20',
			start: '2026-03-02',
			statusValue: null,
			parentKey: null
		});
	});

	it('nests INDENT 2 under the task above and attaches notes as comments', () => {
		const parent = draft('Plan the spring field season');
		const vans = draft('Book the vans');
		expect(vans).toMatchObject({ parentKey: parent.key, priority: 'high', estimate: 0.5 });
		expect(vans.assignees).toEqual(['marco']);
		expect(vans.comments).toEqual([
			{
				key: `${vans.key}/note#0`,
				body: 'Ask for the 9-seater this time\n\n— Marco, imported from Todoist'
			}
		]);
		expect(draft('Confirm crew list')).toMatchObject({ parentKey: parent.key, priority: 'low' });
	});

	it('maps sections to status values and day durations to hours', () => {
		expect(draft('Service the drills')).toMatchObject({
			statusValue: 'Doing',
			tags: ['field', 'gear'],
			priority: 'medium',
			estimate: 16,
			due: null,
			description: '- check bits\r\n- oil'
		});
		expect(draft('Renew the permits')).toMatchObject({ statusValue: 'Done', due: '2026-01-15' });
	});

	it('warns about recurring dates and reports skipped rows with reasons', () => {
		expect(plan.warnings).toEqual([
			{
				where: 'Row 8',
				title: 'Service the drills',
				message: 'recurring date “every monday” not imported (TaskFlow has no repeating dates)'
			}
		]);
		expect(plan.skipped).toEqual([
			{
				where: 'Row 9',
				title: 'Order safety vests',
				reason: 'unknown priority “7” (Todoist uses 1–4)'
			},
			{ where: 'Row 10', title: 'Pick a supplier', reason: 'its parent task was skipped' },
			{ where: 'Row 11', title: 'Comment on a skipped task', reason: 'its task was skipped' },
			{ where: 'Row 14', title: '', reason: 'missing title' }
		]);
		expect(plan.drafts).toHaveLength(5);
	});

	it('keys tasks by section, parent and content, so a re-export maps to the same keys', () => {
		const again = planTodoist(parseCsvTable(fixture('todoist-export.csv')));
		expect(again.drafts.map((d) => d.key)).toEqual(plan.drafts.map((d) => d.key));
		expect(new Set(plan.drafts.map((d) => d.key)).size).toBe(plan.drafts.length);
	});
});

describe('splitLabels and personName', () => {
	it('pulls @labels out of the content but leaves e-mail addresses', () => {
		expect(splitLabels('Call @phone mail a@b.c @work')).toEqual({
			title: 'Call mail a@b.c',
			tags: ['phone', 'work']
		});
	});

	it('drops the Todoist user id', () => {
		expect(personName('Evan (14781400)')).toBe('evan');
		expect(personName('')).toBe('');
	});
});
