/**
 * `@name` mentions in comments and descriptions. A mention is `@` followed by a user name
 * (the sign-up pattern: lower-case letters, digits, `.`, `_`, `-`), not preceded by a word
 * character (so `ana@example.com` is not one), without a trailing `.` (end of sentence).
 */
const MENTION = /(^|[^\w@.])@([a-z0-9][a-z0-9._-]{1,31})/g;

/** The distinct user names mentioned in `text`, in order of first mention. */
export function mentionedNames(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(MENTION)) {
		const name = m[2]!.replace(/[.]+$/, '');
		if (name.length >= 2 && !out.includes(name)) out.push(name);
	}
	return out;
}

/** Names mentioned in `after` that `before` did not mention: an edit notifies only those. */
export function newMentions(before: string, after: string): string[] {
	const old = new Set(mentionedNames(before));
	return mentionedNames(after).filter((n) => !old.has(n));
}

/** A one-line excerpt around the first mention of `name`, at most `max` characters. */
export function mentionExcerpt(text: string, name: string, max = 140): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	const at = flat.indexOf(`@${name}`);
	if (flat.length <= max) return flat;
	const start = Math.max(0, Math.min(at - 40, flat.length - max));
	const cut = flat.slice(start, start + max);
	return `${start > 0 ? '…' : ''}${cut}${start + max < flat.length ? '…' : ''}`;
}
