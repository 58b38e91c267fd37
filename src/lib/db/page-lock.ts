/**
 * Which pages of this app are open now, across tabs: each page holds a Web Lock named after
 * it for as long as it lives, and the browser releases it when the page goes (closed,
 * reloaded, crashed). Where Web Locks are missing, no other page is known to be alive.
 */
const PREFIX = 'taskflow:page:';

export const PAGE_ID: string =
	typeof crypto !== 'undefined' && 'randomUUID' in crypto
		? crypto.randomUUID()
		: `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;

let holding = false;

/** Holds this page's lock until the page goes. */
export function holdPageLock(): void {
	if (holding || typeof navigator === 'undefined' || !navigator.locks) return;
	holding = true;
	void navigator.locks.request(`${PREFIX}${PAGE_ID}`, () => new Promise<never>(() => {}));
}

/** The ids of pages alive now (this one included). */
export async function livePages(): Promise<Set<string>> {
	const alive = new Set([PAGE_ID]);
	if (typeof navigator === 'undefined' || !navigator.locks) return alive;
	const { held = [], pending = [] } = await navigator.locks.query();
	for (const lock of [...held, ...pending]) {
		if (lock.name?.startsWith(PREFIX)) alive.add(lock.name.slice(PREFIX.length));
	}
	return alive;
}
