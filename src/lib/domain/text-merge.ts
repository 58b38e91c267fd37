/**
 * Three-way merge of two edits of a text from their common version, word by word, so two
 * people changing different sentences of a description both keep their words. Where both
 * changed the same or neighbouring words, `preferred`'s wording is kept and the merge
 * reports a conflict (the caller keeps the other text in history).
 *
 * Each side is diffed against the common version with Myers' algorithm (token-diff.ts):
 * time grows with the text's length times the size of the edit, so a few sentences changed
 * in a 20,000-character description take milliseconds. Sides that rewrote more than
 * `MAX_EDIT_TOKENS` words are not merged word by word: the preferred text is kept whole and
 * the conflict reported, so no device ever spends long here.
 */
import { diffTokens, internTokens, type Hunk } from './token-diff';

/**
 * A word with the spaces after it, or a run of leading spaces: rejoined, the text. Scripts
 * written without spaces between words (Chinese, Japanese, Thai, …) go character by
 * character, so two edits of different sentences there merge too.
 */
const UNSPACED =
	'\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const TOKEN = new RegExp(`[${UNSPACED}]\\s*|[^\\s${UNSPACED}]+\\s*|\\s+`, 'gu');
const tokens = (s: string): string[] => s.match(TOKEN) ?? [];

/** Inserted plus deleted words beyond which a side is taken whole. */
export const MAX_EDIT_TOKENS = 2_000;

export interface TextMerge {
	text: string;
	conflict: boolean;
}

export function mergeText(base: string, preferred: string, other: string): TextMerge {
	if (preferred === other || other === base) return { text: preferred, conflict: false };
	if (preferred === base) return { text: other, conflict: false };
	const [b, p, o] = internTokens(tokens(base), tokens(preferred), tokens(other)) as [
		Int32Array,
		Int32Array,
		Int32Array
	];
	const mine = diffTokens(b, p, MAX_EDIT_TOKENS);
	const theirs = diffTokens(b, o, MAX_EDIT_TOKENS);
	if (!mine || !theirs) return { text: preferred, conflict: true };
	const words = { p: tokens(preferred), o: tokens(other), b: tokens(base) };
	return merge(words, mine, theirs);
}

interface Side {
	hunks: Hunk[];
	words: string[];
}

/**
 * Walks the common version once, taking each side's changes; changes of both sides that
 * overlap or touch form one region, which is a conflict unless both wrote the same words.
 */
function merge(
	words: { p: string[]; o: string[]; b: string[] },
	mine: Hunk[],
	theirs: Hunk[]
): TextMerge {
	const sides: [Side, Side] = [
		{ hunks: mine, words: words.p },
		{ hunks: theirs, words: words.o }
	];
	const out: string[] = [];
	let conflict = false;
	let basePos = 0;
	const next = [0, 0];
	// Each side's offset (its position minus the common version's) before the current region.
	const shift = [0, 0];
	for (;;) {
		const first = pickFirst(sides, next);
		if (first === null) break;
		// Grow the region while a hunk of either side starts inside or right at its end.
		const regionStart = sides[first].hunks[next[first]!]!.baseStart;
		let regionEnd = regionStart;
		const taken: [Hunk[], Hunk[]] = [[], []];
		let grew = true;
		while (grew) {
			grew = false;
			for (const s of [0, 1] as const) {
				const h = sides[s].hunks[next[s]!];
				if (h && h.baseStart <= regionEnd) {
					taken[s].push(h);
					regionEnd = Math.max(regionEnd, h.baseEnd);
					next[s]!++;
					grew = true;
				}
			}
		}
		out.push(...words.b.slice(basePos, regionStart));
		const texts = ([0, 1] as const).map((s) => {
			const start = regionStart + shift[s]!;
			for (const h of taken[s]) shift[s]! += h.sideEnd - h.sideStart - (h.baseEnd - h.baseStart);
			const end = regionEnd + shift[s]!;
			return sides[s].words.slice(start, end);
		});
		const [mineText, theirText] = texts as [string[], string[]];
		if (!taken[1].length) out.push(...mineText);
		else if (!taken[0].length) out.push(...theirText);
		else {
			if (mineText.join('') !== theirText.join('')) conflict = true;
			out.push(...mineText);
		}
		basePos = regionEnd;
	}
	out.push(...words.b.slice(basePos));
	return { text: out.join(''), conflict };
}

/** The side whose next hunk starts first in the common version, or null when none is left. */
function pickFirst(sides: [Side, Side], next: number[]): 0 | 1 | null {
	const a = sides[0].hunks[next[0]!];
	const b = sides[1].hunks[next[1]!];
	if (!a && !b) return null;
	if (!b) return 0;
	if (!a) return 1;
	return a.baseStart <= b.baseStart ? 0 : 1;
}
