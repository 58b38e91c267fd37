/**
 * A Trello board's JSON export (board menu → Print, export and share → Export as JSON):
 * lists become statuses through the status map, cards become tasks, labels become tags,
 * checklist items become subtasks (ticked ones done), `commentCard` actions become
 * comments, and card members are candidate assignees. Archived cards and cards on
 * archived lists are skipped and reported. Trello ids are stable, so they are the keys.
 */
import type { CommentDraft, RawPlan, SkippedRow, TaskDraft } from './import-types';

interface TrelloList {
	id: string;
	name: string;
	closed?: boolean;
	pos?: number;
}
interface TrelloLabel {
	id: string;
	name?: string;
	color?: string | null;
}
interface TrelloCard {
	id: string;
	name?: string;
	desc?: string;
	idList: string;
	closed?: boolean;
	pos?: number;
	due?: string | null;
	start?: string | null;
	dueComplete?: boolean;
	idLabels?: string[];
	idMembers?: string[];
}
interface TrelloChecklist {
	id: string;
	idCard: string;
	name?: string;
	pos?: number;
	checkItems?: { id: string; name?: string; state?: string; pos?: number; due?: string | null }[];
}
interface TrelloAction {
	id: string;
	type: string;
	date?: string;
	data?: { text?: string; card?: { id?: string } };
	memberCreator?: { username?: string; fullName?: string };
}
export interface TrelloBoard {
	name?: string;
	lists: TrelloList[];
	cards: TrelloCard[];
	labels?: TrelloLabel[];
	checklists?: TrelloChecklist[];
	members?: { id: string; username?: string; fullName?: string }[];
	actions?: TrelloAction[];
}

const byPos = <T extends { pos?: number }>(a: T, b: T) => (a.pos ?? 0) - (b.pos ?? 0);

/** Trello ids are MongoDB ObjectIds: the first 8 hex digits are the creation second. */
export const trelloMillis = (id: string): number | undefined =>
	/^[0-9a-f]{24}$/i.test(id) ? Number.parseInt(id.slice(0, 8), 16) * 1000 : undefined;

/** A Trello date-time as a calendar date; Trello stores them in UTC. */
const dateOf = (iso: string | null | undefined): string | null =>
	iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null;

/** Plan the import of a Trello board export. */
export function planTrello(board: TrelloBoard): RawPlan {
	const lists = new Map(board.lists.map((l) => [l.id, l]));
	const listOrder = new Map([...board.lists].sort(byPos).map((l, i) => [l.id, i]));
	const labels = new Map((board.labels ?? []).map((l) => [l.id, l.name || l.color || '']));
	const members = new Map((board.members ?? []).map((m) => [m.id, m.username ?? '']));
	const comments = commentsByCard(board.actions ?? []);
	const drafts: TaskDraft[] = [];
	const skipped: SkippedRow[] = [];
	const cards = [...board.cards].sort(
		(a, b) => (listOrder.get(a.idList) ?? 1e9) - (listOrder.get(b.idList) ?? 1e9) || byPos(a, b)
	);
	cards.forEach((card, i) => {
		const where = `Card ${i + 1}`;
		const title = (card.name ?? '').trim();
		const list = lists.get(card.idList);
		const skip = (reason: string) => skipped.push({ where, title, reason });
		if (typeof card.id !== 'string') return skip('card without an id');
		if (card.closed) return skip('archived card');
		if (list?.closed) return skip(`on the archived list “${list.name}”`);
		if (!title) return skip('missing title');
		const key = `card:${card.id}`;
		drafts.push({
			key,
			where,
			title,
			description: card.desc ?? '',
			statusValue: list?.name ?? null,
			...(card.dueComplete ? { status: 'done' as const } : {}),
			priority: 'medium',
			assignees: (card.idMembers ?? []).map((id) => members.get(id) ?? '').filter(Boolean),
			due: dateOf(card.due),
			start: dateOf(card.start),
			estimate: null,
			tags: (card.idLabels ?? []).map((id) => labels.get(id) ?? '').filter(Boolean),
			parentKey: null,
			comments: comments.get(card.id) ?? [],
			createdMillis: trelloMillis(card.id)
		});
		drafts.push(...checklistDrafts(board, card, key, where, skipped));
	});
	return { source: 'trello', drafts, skipped, warnings: [] };
}

function checklistDrafts(
	board: TrelloBoard,
	card: TrelloCard,
	parentKey: string,
	where: string,
	skipped: SkippedRow[]
): TaskDraft[] {
	const out: TaskDraft[] = [];
	const lists = (board.checklists ?? []).filter((c) => c.idCard === card.id).sort(byPos);
	for (const checklist of lists) {
		for (const item of [...(checklist.checkItems ?? [])].sort(byPos)) {
			const title = (item.name ?? '').trim();
			const at = `${where}, checklist “${checklist.name ?? ''}”`;
			if (!title) {
				skipped.push({ where: at, title, reason: 'missing title' });
				continue;
			}
			out.push({
				key: `checkitem:${item.id}`,
				where: at,
				title,
				description: checklist.name ? `From the Trello checklist “${checklist.name}”.` : '',
				statusValue: null,
				status: item.state === 'complete' ? 'done' : 'todo',
				priority: 'medium',
				assignees: [],
				due: dateOf(item.due),
				start: null,
				estimate: null,
				tags: [],
				parentKey,
				comments: [],
				createdMillis: trelloMillis(item.id)
			});
		}
	}
	return out;
}

function commentsByCard(actions: TrelloAction[]): Map<string, CommentDraft[]> {
	const out = new Map<string, CommentDraft[]>();
	const sorted = actions
		.filter((a) => a.type === 'commentCard' && a.data?.card?.id && a.data.text?.trim())
		.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
	for (const a of sorted) {
		const who = a.memberCreator?.fullName || a.memberCreator?.username;
		const when = a.date ? a.date.slice(0, 10) : '';
		const by = who ? `\n\n— ${who}${when ? `, ${when}` : ''}, imported from Trello` : '';
		const list = out.get(a.data!.card!.id!) ?? [];
		list.push({ key: `action:${a.id}`, body: a.data!.text!.trim() + by });
		out.set(a.data!.card!.id!, list);
	}
	return out;
}
