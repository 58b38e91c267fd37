/**
 * `POST /db/_session` (sign-in), handled by the door itself: the body must be JSON with a
 * string name and password (a form post from another site cannot sign a browser in, and a
 * list as the name cannot dodge the per-account limit), failed sign-ins are counted per
 * account and per client address (`LoginLimiter`) before CouchDB ever sees the password,
 * and the answer's session cookie gets the door's attributes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyError, couchError, readJsonBody, sendJson } from '../http-json';
import { blockedMessage, type LoginLimiter } from '../login-limiter';
import { rewriteSetCookie } from './cookie-attributes';
import { BODY_LIMITS, checkBody } from './door-bodies';
import { fetchUpstream } from '../upstream-fetch';

/** Handles one sign-in request against `upstream`. */
export async function handleSignIn(
	req: IncomingMessage,
	res: ServerResponse,
	opts: { upstream: string; limiter: LoginLimiter; address: string; secureCookies: boolean }
): Promise<void> {
	let body: unknown;
	try {
		body = await readJsonBody(req, BODY_LIMITS.session);
	} catch (err) {
		const e = err as BodyError;
		return sendJson(res, e.status, couchError('bad_request', e.message));
	}
	const checked = checkBody('session', body, null);
	if (!checked.ok) return sendJson(res, checked.status, couchError('bad_request', checked.reason));
	const { name, password } = body as { name: string; password: string };
	const account = name.toLowerCase().slice(0, 256);
	const blocked = opts.limiter.check(account, opts.address);
	if (blocked) {
		res.setHeader('retry-after', String(blocked.retryAfterSeconds));
		return sendJson(res, 429, blockedMessage(blocked));
	}
	const answer = await fetchUpstream(`${opts.upstream}/_session`, {
		repeatable: true,
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify({ name, password })
	});
	if (answer.status === 401) opts.limiter.fail(account, opts.address);
	else if (answer.ok) opts.limiter.succeed(account);
	const text = await answer.text();
	const headers: Record<string, string | string[]> = {
		'content-type': 'application/json',
		'cache-control': 'no-store'
	};
	const cookies = answer.headers.getSetCookie();
	if (cookies.length) {
		headers['set-cookie'] = cookies.map((c) => rewriteSetCookie(c, opts.secureCookies));
	}
	res.writeHead(answer.status, headers);
	res.end(text);
}

export { BodyError };
