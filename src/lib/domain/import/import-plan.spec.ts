import { describe, expect, it } from 'vitest';
import { validationErrors } from '../validation';
import { guessMapping, planCsv } from './csv-import';
import { parseCsvTable } from './csv-table';
import { fixture } from './import-fixtures';
import { finalisePlan, type PlanTarget } from './import-plan';
import { planTrello, type TrelloBoard } from './trello-import';

const target: PlanTarget = {
	workspace: '01jd0000000000000000000000',
	project: 'project:01JD0000000000000000000001',
	members: new Set(['olivia']),
	statusMap: { Open: 'todo', 'In progress': 'in_progress', Done: 'done' },
	ctx: { user: 'olivia', now: '2026-03-01T10:00:00.000Z', stamp: '0mm7d1k00-0000-abcd' },
	rankAfter: null
};

const csvTable = parseCsvTable(fixture('generic-tasks.csv'));
const csvPlan = planCsv(csvTable, guessMapping(csvTable.headers));

describe('finalisePlan', () => {
	const batch = finalisePlan(csvPlan, target);

	it('builds valid task documents in the target project', () => {
		expect(batch.tasks.map((t) => t.task.title)).toEqual([
			'Inspect pump 3',
			'Replace valve seals',
			'Write site report',
			'Inspect pump 3'
		]);
		for (const { task } of batch.tasks) {
			expect(validationErrors(task)).toBeNull();
			expect(task.project).toBe(target.project);
		}
		expect(batch.tasks[2]!.task).toMatchObject({ status: 'done', completedAt: target.ctx.now });
	});

	it('skips unmapped status values and schema failures, with reasons', () => {
		// In row order, whether the importer or the schema check skipped them.
		expect(batch.skipped.map((s) => s.where)).toEqual([
			'Row 5',
			'Row 6',
			'Row 7',
			'Row 8',
			'Row 9'
		]);
		expect([batch.skipped[1], batch.skipped[4]]).toEqual([
			{ where: 'Row 6', title: 'Order spare parts', reason: 'unknown status “Waiting on vendor”' },
			{
				where: 'Row 9',
				title: expect.stringMatching(/^Very long title/) as string,
				reason: 'title: at most 200 characters'
			}
		]);
		const skipWaiting = finalisePlan(csvPlan, {
			...target,
			statusMap: { ...target.statusMap, 'Waiting on vendor': 'skip' }
		});
		expect(skipWaiting.skipped[1]!.reason).toBe('status “Waiting on vendor” is set to be skipped');
	});

	it('assigns members only, warning about the others', () => {
		expect(batch.tasks[0]!.task.assignee).toBe('olivia');
		expect(batch.tasks[1]!.task.assignee).toBeNull();
		expect(batch.warnings).toEqual([
			{
				where: 'Row 3',
				title: 'Replace valve seals',
				message: 'assignee “nobody-here” is not a member of this workspace; left unassigned'
			}
		]);
	});

	it('derives the same ids on every run, distinct per row and per workspace', () => {
		const again = finalisePlan(csvPlan, {
			...target,
			ctx: { ...target.ctx, now: '2026-04-01T00:00:00.000Z' }
		});
		expect(again.tasks.map((t) => t.task._id)).toEqual(batch.tasks.map((t) => t.task._id));
		expect(new Set(batch.tasks.map((t) => t.task._id)).size).toBe(4);
		const elsewhere = finalisePlan(csvPlan, { ...target, workspace: '01jd0000000000000000000002' });
		expect(elsewhere.tasks[0]!.task._id).not.toBe(batch.tasks[0]!.task._id);
	});

	it('ranks imported tasks after the project’s last rank, in file order', () => {
		const after = finalisePlan(csvPlan, { ...target, rankAfter: 'a5' });
		const ranks = after.tasks.map((t) => t.task.rank);
		expect(ranks.every((r) => r > 'a5')).toBe(true);
		expect([...ranks].sort()).toEqual(ranks);
	});

	it('links subtasks to their parent and builds valid comments', () => {
		const board = JSON.parse(fixture('trello-board.json')) as TrelloBoard;
		const trello = finalisePlan(planTrello(board), {
			...target,
			statusMap: { Backlog: 'todo', Doing: 'in_progress', Done: 'done' }
		});
		const parent = trello.tasks.find((t) => t.task.title === 'Rewire control cabinet')!;
		const child = trello.tasks.find((t) => t.task.title === 'Label every wire')!;
		expect(child.task.parent).toBe(parent.task._id);
		expect(parent.task).toMatchObject({ status: 'in_progress', assignee: 'olivia' });
		expect(parent.comments).toHaveLength(2);
		for (const c of parent.comments) {
			expect(validationErrors(c)).toBeNull();
			expect(c.task).toBe(parent.task._id);
		}
		expect(trello.warnings).toEqual([
			{
				where: 'Card 1',
				title: 'Order new float switches',
				message: 'assignee “marcoreyes7” is not a member of this workspace; left unassigned'
			}
		]);
	});

	it('skips the subtasks of a skipped parent', () => {
		const board = JSON.parse(fixture('trello-board.json')) as TrelloBoard;
		const trello = finalisePlan(planTrello(board), {
			...target,
			statusMap: { Backlog: 'todo', Doing: 'skip', Done: 'done' }
		});
		expect(trello.skipped.filter((s) => s.reason === 'its parent task was skipped')).toHaveLength(
			2
		);
	});
});
