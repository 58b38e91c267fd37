/**
 * `POST /db/_session` (sign-in) handled by the door itself rather than streamed through, so
 * that failed sign-ins can be counted per account and per address (`LoginLimiter`) before
 * CouchDB ever sees the password. The upstream answer (status, `Set-Cookie`, body) is
 * relayed unchanged; a throttled attempt gets 429 with `Retry-After` and a sentence to show.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyError, couchError, sendJson } from '../http-json';
import { blockedMessage, type LoginLimiter } from '../login-limiter';

const SESSION_BODY_LIMIT = 4 * 1024;

/** The client's address as this server sees it (no proxy headers are trusted). */
export const clientAddress = (req: IncomingMessage): string => req.socket.remoteAddress ?? '?';

/** Handles one sign-in request against `upstream`. */
export async function handleSignIn(
	req: IncomingMessage,
	res: ServerResponse,
	upstream: string,
	limiter: LoginLimiter
): Promise<void> {
	const type = req.headers['content-type'] ?? 'application/json';
	let raw: string;
	try {
		raw = await readText(req);
	} catch (err) {
		const e = err as BodyError;
		return sendJson(res, e.status, couchError('bad_request', e.message));
	}
	const account = accountOf(raw, type);
	const address = clientAddress(req);
	const blocked = limiter.check(account, address);
	if (blocked) {
		res.setHeader('retry-after', String(blocked.retryAfterSeconds));
		return sendJson(res, 429, blockedMessage(blocked));
	}
	const answer = await fetch(`${upstream}/_session`, {
		method: 'POST',
		headers: { 'content-type': type, accept: 'application/json' },
		body: raw
	});
	if (answer.status === 401) limiter.fail(account, address);
	else if (answer.ok && account) limiter.succeed(account);
	const body = await answer.text();
	const headers: Record<string, string | string[]> = {
		'content-type': answer.headers.get('content-type') ?? 'application/json',
		'cache-control': 'no-store'
	};
	const cookies = answer.headers.getSetCookie();
	if (cookies.length) headers['set-cookie'] = cookies;
	res.writeHead(answer.status, headers);
	res.end(body);
}

/** The account name a sign-in body names (JSON or form-encoded), lower-cased; else null. */
export function accountOf(raw: string, contentType: string): string | null {
	let name: unknown = null;
	if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
		name = new URLSearchParams(raw).get('name');
	} else {
		try {
			name = (JSON.parse(raw) as { name?: unknown } | null)?.name ?? null;
		} catch {
			return null;
		}
	}
	return typeof name === 'string' && name ? name.toLowerCase().slice(0, 256) : null;
}

async function readText(req: IncomingMessage): Promise<string> {
	if (Number(req.headers['content-length'] ?? 0) > SESSION_BODY_LIMIT) {
		req.resume();
		throw new BodyError(413, `body larger than ${SESSION_BODY_LIMIT} bytes`);
	}
	let size = 0;
	const decoder = new TextDecoder();
	let text = '';
	for await (const chunk of req as AsyncIterable<Uint8Array>) {
		size += chunk.byteLength;
		if (size > SESSION_BODY_LIMIT) throw new BodyError(413, 'sign-in body too large');
		text += decoder.decode(chunk, { stream: true });
	}
	return text + decoder.decode();
}
