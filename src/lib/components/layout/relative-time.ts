/** "just now", "3 min ago", "2 h ago", "yesterday", or a date. */
export function relativeTime(iso: string, now: number = Date.now()): string {
	const ms = now - new Date(iso).getTime();
	if (ms < 45_000) return 'just now';
	const min = Math.round(ms / 60_000);
	if (min < 60) return `${min} min ago`;
	const h = Math.round(min / 60);
	if (h < 24) return `${h} h ago`;
	if (h < 48) return 'yesterday';
	return new Date(iso).toLocaleDateString();
}
