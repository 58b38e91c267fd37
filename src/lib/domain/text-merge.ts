/**
 * Three-way merge of two edits of a text from their common version, word by word, so two
 * people changing different sentences of a description both keep their words. Where both
 * changed the same words, `preferred`'s wording is kept and the merge reports a conflict
 * (the caller keeps the other text in history).
 */
import { diff3Merge } from 'node-diff3';

const tokens = (s: string): string[] => s.split(/(\s+)/).filter((t) => t !== '');

export function mergeText(
	base: string,
	preferred: string,
	other: string
): { text: string; conflict: boolean } {
	if (preferred === other || other === base) return { text: preferred, conflict: false };
	if (preferred === base) return { text: other, conflict: false };
	let conflict = false;
	const out: string[] = [];
	for (const region of diff3Merge(tokens(preferred), tokens(base), tokens(other))) {
		if (region.ok) out.push(...region.ok);
		else if (region.conflict) {
			conflict = true;
			out.push(...region.conflict.a);
		}
	}
	return { text: out.join(''), conflict };
}
