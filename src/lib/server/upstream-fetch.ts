/**
 * `fetch` to the database, sent again when the connection it went out on was dropped
 * before any answer: a kept-alive connection the database closed as idle just as the
 * request left (the database never read it). Only for requests that are safe to repeat:
 * reads, and sign-ins (a second one only makes another session).
 */
export async function fetchUpstream(
	url: string | URL,
	init: RequestInit & { repeatable?: boolean } = {}
): Promise<Response> {
	const { repeatable, ...rest } = init;
	const method = (rest.method ?? 'GET').toUpperCase();
	const safe = repeatable === true || method === 'GET' || method === 'HEAD';
	// fetch keeps a few connections; when one was dropped as idle, the next it picks may be
	// as old, so a few tries (each dropped connection is discarded) reach a fresh one.
	for (let attempt = 1; ; attempt++) {
		try {
			return await fetch(url, rest);
		} catch (err) {
			const again = safe && attempt < MAX_ATTEMPTS && !rest.signal?.aborted;
			if (!again || !isConnectionDrop(err)) throw err;
		}
	}
}

const MAX_ATTEMPTS = 4;

const DROPS = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** A network failure where the other side closed the connection (undici names it in `cause`). */
export function isConnectionDrop(err: unknown): boolean {
	if (!(err instanceof TypeError)) return false;
	const cause = (err as { cause?: { code?: unknown } }).cause;
	return typeof cause?.code === 'string' && DROPS.has(cause.code);
}
