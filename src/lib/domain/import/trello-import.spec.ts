import { describe, expect, it } from 'vitest';
import { fixture } from './import-fixtures';
import { planTrello, trelloMillis, type TrelloBoard } from './trello-import';

const board = JSON.parse(fixture('trello-board.json')) as TrelloBoard;
const plan = planTrello(board);
const draft = (title: string) => plan.drafts.find((d) => d.title === title)!;

describe('planTrello', () => {
	it('orders cards by list position, then card position', () => {
		expect(plan.drafts.map((d) => d.title)).toEqual([
			'Order new float switches',
			'Rewire control cabinet',
			'Isolate the supply',
			'Label every wire',
			'Commission the backup pump'
		]);
	});

	it('maps a card: list as status value, labels as tags, members, dates, comments', () => {
		const card = draft('Rewire control cabinet');
		expect(card).toMatchObject({
			key: 'card:65f1a2c0c4d5e6f708192d01',
			description: 'See the **wiring diagram** in the shared drive.',
			statusValue: 'Doing',
			tags: ['electrical', 'red'],
			assignees: ['olivia', 'marcoreyes7'],
			due: '2026-04-02',
			createdMillis: 0x65f1a2c0 * 1000
		});
		expect(card.comments.map((c) => c.body)).toEqual([
			'Diagram v2 is the right one.\n\n— Marco Reyes, 2026-03-01, imported from Trello',
			'Cabinet keys are with the site office.\n\n— Olivia Brandt, 2026-03-02, imported from Trello'
		]);
	});

	it('turns checklist items into subtasks, ticked ones done', () => {
		const parent = draft('Rewire control cabinet');
		expect(draft('Isolate the supply')).toMatchObject({ parentKey: parent.key, status: 'done' });
		expect(draft('Label every wire')).toMatchObject({ parentKey: parent.key, status: 'todo' });
	});

	it('marks cards whose due date is complete as done', () => {
		expect(draft('Commission the backup pump')).toMatchObject({ status: 'done' });
	});

	it('skips archived cards, cards on archived lists and untitled items, saying why', () => {
		expect(plan.skipped).toEqual([
			{ where: 'Card 2', title: 'Old duplicate card', reason: 'archived card' },
			{
				where: 'Card 3, checklist “Steps”',
				title: '',
				reason: 'missing title'
			},
			{
				where: 'Card 5',
				title: 'Solar panel on the roof',
				reason: 'on the archived list “Old ideas”'
			}
		]);
	});

	it('reads the creation time from Trello ids', () => {
		expect(trelloMillis('65f1a2c0c4d5e6f708192d01')).toBe(0x65f1a2c0 * 1000);
		expect(trelloMillis('not-an-id')).toBeUndefined();
	});
});
