/**
 * How a notification reads in the bell, a toast and a system notification: a headline
 * naming who did what, and the task's title. Pure, so the wording is tested once.
 */
import type { Notification } from '../domain/schemas/notification.schema';

const dueDate = (d: string | null) =>
	d
		? new Date(`${d}T12:00:00Z`).toLocaleDateString(undefined, {
				day: 'numeric',
				month: 'short',
				timeZone: 'UTC'
			})
		: 'no date';

/** What happened, e.g. "ana assigned you" or "Due Mar 10". */
export function notificationHeadline(n: Notification): string {
	const who = n.actor ?? 'Someone';
	switch (n.kind) {
		case 'assigned':
			return `${who} assigned you`;
		case 'mention':
			return `${who} mentioned you`;
		case 'status':
			return `${who} moved it from ${n.from ?? '—'} to ${n.to ?? '—'}`;
		case 'due':
			return n.to ? `${who} set the due date to ${dueDate(n.to)}` : `${who} removed the due date`;
		case 'due_soon':
			return `Due ${dueDate(n.to)}`;
		case 'overdue':
			return `Overdue since ${dueDate(n.to)}`;
		case 'unblocked':
			return `${who} finished “${n.from ?? 'a blocker'}”`;
	}
}

/** Extra line under the headline: the mention's context. */
export function notificationDetail(n: Notification): string | null {
	return n.kind === 'mention' ? n.to : null;
}

/** Local calendar day of `iso` as YYYY-MM-DD. */
const localDay = (iso: string) => {
	const d = new Date(iso);
	const p = (x: number) => String(x).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

/** Newest first, grouped by the local day they happened: "Today", "Yesterday", or a date. */
export function groupByDay(
	items: readonly Notification[],
	now: Date = new Date()
): { label: string; items: Notification[] }[] {
	const today = localDay(now.toISOString());
	const yesterday = localDay(new Date(now.getTime() - 86_400_000).toISOString());
	const sorted = [...items].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
	const groups: { label: string; items: Notification[] }[] = [];
	for (const n of sorted) {
		const day = localDay(n.at);
		const label =
			day === today
				? 'Today'
				: day === yesterday
					? 'Yesterday'
					: new Date(n.at).toLocaleDateString(undefined, {
							weekday: 'short',
							day: 'numeric',
							month: 'short'
						});
		const last = groups.at(-1);
		if (last?.label === label) last.items.push(n);
		else groups.push({ label, items: [n] });
	}
	return groups;
}
