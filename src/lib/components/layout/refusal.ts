/** A change the server refused, as the sync indicator names it: what it is, and why. */
export function describeRefusal(d: { id: string; reason: string }): string {
	const kind = /^([a-z]+):/.exec(d.id)?.[1] ?? 'document';
	const reason = d.reason.replace(/^[a-z_]+\.(\([a-z]+\)\.)?/i, '').trim() || 'refused';
	return `${kind}: ${reason}`;
}
