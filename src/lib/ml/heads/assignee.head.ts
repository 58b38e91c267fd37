/**
 * Assignee suggestion: people who finished similar tasks, discounted by how much open work
 * they already carry, so the suggestion spreads work rather than piling it on one expert.
 */
import type { Neighbour } from './neighbours';
import { totalHours, type OpenWork } from './workload';

/** A suggested person with a score in 0..1 and reasons. */
export interface AssigneeSuggestion {
	person: string;
	score: number;
	reasons: string[];
}

/** How many open hours halve a person's score (about a working week). */
export const LOAD_HALF_HOURS = 30;

/** Ranks members by similar finished work and current load; only `members` are suggested. */
export function suggestAssignees(
	neighbours: readonly Neighbour[],
	members: readonly string[],
	work: Map<string, OpenWork[]>,
	limit = 3
): AssigneeSuggestion[] {
	const skill = new Map<string, { weight: number; count: number }>();
	let total = 0;
	for (const n of neighbours) {
		const p = n.task.assignee;
		if (n.task.status !== 'done' || !p || !members.includes(p)) continue;
		const w = Math.max(0, n.similarity) ** 4;
		const s = skill.get(p) ?? { weight: 0, count: 0 };
		skill.set(p, { weight: s.weight + w, count: s.count + 1 });
		total += w;
	}
	const out: AssigneeSuggestion[] = [];
	for (const [person, s] of skill) {
		const hours = totalHours(work.get(person));
		const score = (s.weight / total) * (LOAD_HALF_HOURS / (LOAD_HALF_HOURS + hours));
		out.push({
			person,
			score: Math.round(score * 100) / 100,
			reasons: [
				`Finished ${s.count} similar task${s.count === 1 ? '' : 's'}`,
				hours > 0 ? `${Math.round(hours)} h of open work` : 'No open work'
			]
		});
	}
	out.sort((a, b) => b.score - a.score || a.person.localeCompare(b.person));
	return out.slice(0, limit);
}
