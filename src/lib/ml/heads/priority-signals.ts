/**
 * The signals a person would weigh when setting a priority by hand: urgency words in the
 * text, how close the due date is, and how many tasks wait on this one. Each signal is a
 * nudge on the 0..3 priority scale (low..urgent) with a reason a person can read.
 */

/** A nudge toward a higher (positive) or lower (negative) priority, with why. */
export interface PrioritySignal {
	shift: number;
	reason: string;
}

const URGENT_WORDS = [
	'urgent',
	'asap',
	'critical',
	'outage',
	'down',
	'crash',
	'crashes',
	'security',
	'vulnerability',
	'blocker',
	'data loss',
	'production',
	'immediately',
	'emergency'
];
const LOW_WORDS = [
	'someday',
	'nice to have',
	'minor',
	'typo',
	'cosmetic',
	'cleanup',
	'eventually',
	'low priority'
];

function mentioned(text: string, words: readonly string[]): string[] {
	const lower = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
	return words.filter((w) => lower.includes(` ${w} `));
}

/** Urgency or low-priority wording in the title and description. */
export function wordSignals(text: string): PrioritySignal[] {
	const out: PrioritySignal[] = [];
	const hot = mentioned(text, URGENT_WORDS);
	if (hot.length) {
		out.push({
			shift: 1,
			reason: `Mentions ${hot
				.slice(0, 2)
				.map((w) => `“${w}”`)
				.join(' and ')}`
		});
	}
	const cold = mentioned(text, LOW_WORDS);
	if (cold.length) {
		out.push({
			shift: -1,
			reason: `Mentions ${cold
				.slice(0, 2)
				.map((w) => `“${w}”`)
				.join(' and ')}`
		});
	}
	return out;
}

/** Whole days from `today` to `due` (both YYYY-MM-DD), negative when overdue. */
export function daysUntil(due: string, today: string): number {
	return Math.round(
		(Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000
	);
}

/** Due-date proximity: overdue or due within two days pushes up; far away pulls down a little. */
export function dueSignal(due: string | null, today: string): PrioritySignal | null {
	if (!due) return null;
	const d = daysUntil(due, today);
	if (d < 0) return { shift: 1.5, reason: `Overdue by ${-d} day${d === -1 ? '' : 's'}` };
	if (d <= 2) {
		return { shift: 1, reason: d === 0 ? 'Due today' : `Due in ${d} day${d === 1 ? '' : 's'}` };
	}
	if (d <= 7) return { shift: 0.5, reason: `Due in ${d} days` };
	if (d > 60) return { shift: -0.25, reason: `Due in ${d} days` };
	return null;
}

/** Tasks waiting on this one: each open dependent adds weight. */
export function blockingSignal(openDependents: number): PrioritySignal | null {
	if (openDependents <= 0) return null;
	const shift = openDependents >= 3 ? 1 : 0.5;
	return { shift, reason: `Blocks ${openDependents} open task${openDependents === 1 ? '' : 's'}` };
}
