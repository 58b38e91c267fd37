/**
 * Who is calling through the door. CouchDB is the identity provider: a session cookie is
 * checked with `GET /_session` upstream (the name only; roles come from member lists, see
 * workspace-members.ts), and Basic credentials are a sign-in — throttled like one, checked
 * once with `POST /_session`, and exchanged for a session cookie that is reused, so a
 * client sending Basic on every request costs one password hash, not one per request.
 * Requests go upstream with the session cookie and nothing else.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { blockedMessage, type LoginLimiter } from '../login-limiter';
import { fetchUpstream } from '../upstream-fetch';

/** The caller: a name and the session cookie to forward (both null for anonymous). */
export interface Caller {
	name: string | null;
	/** `AuthSession=…` as it goes upstream. */
	cookie: string | null;
	/** A renewed session cookie from upstream, to hand back to the client. */
	setCookie?: string[];
}

export type Identified =
	| { ok: true; caller: Caller }
	| { ok: false; status: 401 | 429 | 502; body: object; retryAfter?: number };

const COOKIE_FRESH_MS = 5_000;
const BASIC_FRESH_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;

export const ANONYMOUS: Caller = { name: null, cookie: null };

export class DoorSessions {
	readonly #upstream: string;
	readonly #limiter: LoginLimiter;
	readonly #now: () => number;
	/** Session cookie → who it is, checked lately; lookups in flight are shared. */
	readonly #cookies = new Map<
		string,
		{ at: number; name: Promise<{ name: string | null; setCookie: string[] }> }
	>();
	/** Hash of Basic credentials → the session they were exchanged for. */
	readonly #basic = new Map<string, { at: number; name: string; cookie: string }>();

	constructor(upstream: string, limiter: LoginLimiter, now: () => number = Date.now) {
		this.#upstream = upstream;
		this.#limiter = limiter;
		this.#now = now;
	}

	async identify(req: IncomingMessage, address: string): Promise<Identified> {
		const auth = req.headers.authorization;
		if (typeof auth === 'string' && auth.trim()) return this.#basicAuth(auth.trim(), address);
		const cookie = sessionCookie(req.headers.cookie);
		if (!cookie) return { ok: true, caller: ANONYMOUS };
		const { name, setCookie } = await this.#whoIs(cookie);
		return { ok: true, caller: name ? { name, cookie, setCookie } : ANONYMOUS };
	}

	/** Forgets a session (signed out). */
	forget(cookieHeader: string | undefined): void {
		const cookie = sessionCookie(cookieHeader);
		if (cookie) this.#cookies.delete(cookie);
	}

	async #whoIs(cookie: string): Promise<{ name: string | null; setCookie: string[] }> {
		const hit = this.#cookies.get(cookie);
		if (hit && this.#now() - hit.at < COOKIE_FRESH_MS) {
			return hit.name.then((r) => ({ name: r.name, setCookie: [] }));
		}
		const name = this.#ask(cookie);
		if (this.#cookies.size >= MAX_ENTRIES) this.#cookies.clear();
		this.#cookies.set(cookie, { at: this.#now(), name });
		name.catch(() => this.#cookies.delete(cookie));
		return name;
	}

	async #ask(cookie: string): Promise<{ name: string | null; setCookie: string[] }> {
		const res = await fetchUpstream(`${this.#upstream}/_session`, {
			headers: { accept: 'application/json', cookie }
		});
		if (res.status === 401 || res.status === 400) return { name: null, setCookie: [] };
		if (!res.ok) throw new Error(`upstream /_session answered ${res.status}`);
		const body = (await res.json()) as { userCtx?: { name?: unknown } };
		const name = typeof body.userCtx?.name === 'string' ? body.userCtx.name : null;
		return { name, setCookie: res.headers.getSetCookie() };
	}

	async #basicAuth(header: string, address: string): Promise<Identified> {
		const unauthorized = (reason: string): Identified => ({
			ok: false,
			status: 401,
			body: { error: 'unauthorized', reason }
		});
		const [scheme, value] = header.split(/\s+/, 2);
		if (scheme?.toLowerCase() !== 'basic' || !value) {
			return unauthorized('sign in with a session cookie or Basic credentials');
		}
		const decoded = Buffer.from(value, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		const name = colon > 0 ? decoded.slice(0, colon) : '';
		const password = colon > 0 ? decoded.slice(colon + 1) : '';
		if (!name || !password) return unauthorized('Name or password is incorrect.');
		const key = createHash('sha256').update(`${name}\u0000${password}`).digest('hex');
		const cached = this.#basic.get(key);
		if (cached && this.#now() - cached.at < BASIC_FRESH_MS) {
			return { ok: true, caller: { name: cached.name, cookie: cached.cookie } };
		}
		const account = name.toLowerCase();
		const blocked = this.#limiter.check(account, address);
		if (blocked) {
			return {
				ok: false,
				status: 429,
				body: blockedMessage(blocked),
				retryAfter: blocked.retryAfterSeconds
			};
		}
		const res = await fetchUpstream(`${this.#upstream}/_session`, {
			repeatable: true,
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ name, password })
		});
		if (res.status === 401) {
			this.#limiter.fail(account, address);
			return unauthorized('Name or password is incorrect.');
		}
		const cookie = res.headers
			.getSetCookie()
			.map((c) => c.split(';')[0]!)
			.find((c) => c.startsWith('AuthSession='));
		if (!res.ok || !cookie) {
			return {
				ok: false,
				status: 502,
				body: { error: 'bad_gateway', reason: `upstream sign-in answered ${res.status}` }
			};
		}
		this.#limiter.succeed(account);
		const body = (await res.json()) as { name?: unknown };
		const who = typeof body.name === 'string' ? body.name : name;
		if (this.#basic.size >= MAX_ENTRIES) this.#basic.clear();
		this.#basic.set(key, { at: this.#now(), name: who, cookie });
		return { ok: true, caller: { name: who, cookie } };
	}
}

/** `AuthSession=<value>` from a Cookie header, or null. */
export function sessionCookie(header: string | undefined): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const [k, ...v] = part.trim().split('=');
		if (k === 'AuthSession' && v.join('=')) return `AuthSession=${v.join('=')}`;
	}
	return null;
}
