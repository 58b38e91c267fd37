/**
 * The door: `/db/*` on the app's origin, the only way browsers reach the database. It
 * authorizes every request itself, deny by default, before anything goes upstream:
 *
 * 1. the path and query must be a route of the table (door-routes.ts), with allowed values;
 * 2. a write must come from this app's own pages (`Origin`, `Sec-Fetch-Site`);
 * 3. the caller is identified (door-sessions.ts); anonymous callers get `_session` only;
 * 4. a workspace's members are read from its member list at this request, and a viewer
 *    may not write; a private database is its owner's alone;
 * 5. a body is parsed, checked and re-serialized (door-bodies.ts);
 * 6. long polls are capped per user and in all, and end on time (feed-limits.ts).
 * The database then applies its own `_security` and `validate_doc_update` as a second
 * line: the door never forwards as anyone but the caller.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { userDbName } from '../../domain/ids';
import { appOrigin, clientAddress } from '../client-address';
import { BodyError, couchError, readJsonBody, sendJson } from '../http-json';
import type { LoginLimiter } from '../login-limiter';
import { canWrite } from '../membership-rules';
import type { MembershipStore } from '../workspace-members';
import { BODY_LIMITS, checkBody } from './door-bodies';
import { decide, type DoorRoute } from './door-routes';
import type { Caller, DoorSessions } from './door-sessions';
import { Upstream } from './door-upstream';
import { DEFAULT_FEED_LIMITS, FeedGate, type FeedLimits } from './feed-limits';
import { handleSignIn } from './session-login';
import { onlyDeletes, type StorageGate } from './storage-gate';

/** Mount prefix of the door on the app server. */
export const DOOR_PREFIX = '/db';
/** Largest request body through the door (a batch of replicated documents with files). */
export const DOOR_BODY_LIMIT = BODY_LIMITS['bulk-docs'];

/** Handles one request whose URL starts with `/db`. */
export type DoorHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface DoorOptions {
	/** The database's base URL, without credentials. */
	upstream: string;
	limiter: LoginLimiter;
	members: MembershipStore;
	/** Who is calling (shared with the accounts API). */
	sessions: DoorSessions;
	/** Proxies in front whose `X-Forwarded-*` headers are believed (TRUST_PROXY). */
	trustedHops?: number;
	/** The app's public origin (ORIGIN), if configured. */
	origin?: string | null;
	feedLimits?: FeedLimits;
	/** The storage quota of workspaces (null: none). */
	storage?: StorageGate | null;
}

const UNSAFE = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);
/** How long a long poll may wait when the client asks for no timeout. */
const FEED_DEFAULT_MS = 60_000;

/** Builds the door in front of `opts.upstream`. */
export function createDbDoor(opts: DoorOptions): {
	handle: DoorHandler;
	drain(): void;
	rolesChanged(ws: string, names: string[]): void;
	close(): void;
} {
	const hops = opts.trustedHops ?? 0;
	const secureCookies = (opts.origin ?? '').startsWith('https:');
	const limits = opts.feedLimits ?? DEFAULT_FEED_LIMITS;
	const upstream = new Upstream(opts.upstream, { secureCookies, maxFeeds: limits.total });
	const sessions = opts.sessions;
	const feeds = new FeedGate(limits);
	let serverUuid: Promise<unknown> | null = null;

	const refuse = (
		req: IncomingMessage,
		res: ServerResponse,
		status: number,
		error: string,
		reason: string
	) => {
		req.resume();
		sendJson(res, status, couchError(error, reason));
	};

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const method = (req.method ?? 'GET').toUpperCase();
		const url = req.url ?? '/';
		const q = url.indexOf('?');
		const rawPath = (q === -1 ? url : url.slice(0, q)).slice(DOOR_PREFIX.length);
		const segments = splitPath(rawPath);
		if (typeof segments === 'string') return refuse(req, res, 400, 'bad_request', segments);
		if (UNSAFE.has(method) && !sameOrigin(req)) {
			return refuse(req, res, 403, 'forbidden', 'requests from other sites are refused');
		}
		const route = decide(method, segments, q === -1 ? '' : url.slice(q + 1));
		if ('status' in route) {
			if (route.allow) res.setHeader('allow', route.allow);
			return refuse(req, res, route.status, route.error, route.reason);
		}
		const limit = route.body === 'none' ? 0 : BODY_LIMITS[route.body];
		if (Number(req.headers['content-length'] ?? 0) > Math.max(limit, 0)) {
			if (limit === 0) return refuse(req, res, 400, 'bad_request', 'this request takes no body');
			return refuse(req, res, 413, 'too_large', `body over ${limit} bytes`);
		}
		const address = clientAddress(req, hops);
		if (route.name === 'session' && method === 'POST') {
			return handleSignIn(req, res, {
				upstream: opts.upstream,
				limiter: opts.limiter,
				address,
				secureCookies
			});
		}
		const who = await sessions.identify(req, address);
		if (!who.ok) {
			if (who.retryAfter) res.setHeader('retry-after', String(who.retryAfter));
			req.resume();
			return sendJson(res, who.status, who.body);
		}
		const caller = who.caller;
		if (route.name === 'session') {
			if (method === 'DELETE') sessions.forget(req.headers.cookie);
			return forward(req, res, route, caller, null);
		}
		const denial = await authorize(route, caller);
		if (denial) return refuse(req, res, denial.status, denial.error, denial.reason);
		if (route.name === 'root') {
			serverUuid ??= upstream.json('/').then((r) => (r as { uuid?: unknown }).uuid ?? null);
			serverUuid.catch(() => (serverUuid = null));
			req.resume();
			return sendJson(res, 200, { couchdb: 'Welcome', uuid: await serverUuid });
		}
		let body: string | null = null;
		if (route.body !== 'none') {
			const read = await readBody(req, route);
			if (!read.ok) {
				const error =
					read.status === 403 ? 'forbidden' : read.status === 413 ? 'too_large' : 'bad_request';
				return sendJson(res, read.status, couchError(error, read.reason));
			}
			body = read.json;
		} else {
			req.resume();
		}
		const full = await storageRefusal(route, method, body);
		if (full) return sendJson(res, 507, couchError('insufficient_storage', full));
		return forward(req, res, route, caller, body);
	}

	/** The quota's refusal for a write that adds to a workspace, or null. */
	async function storageRefusal(route: DoorRoute, method: string, body: string | null) {
		// Checkpoints are not content: refusing them would stop devices receiving changes.
		if (!opts.storage || route.access !== 'write' || route.db?.kind !== 'workspace') return null;
		if (route.name === 'local') return null;
		if (method === 'DELETE' || (route.name === 'bulk_docs' && body && onlyDeletes(body))) {
			return null;
		}
		return opts.storage.refusal(route.db.name);
	}

	async function authorize(route: DoorRoute, caller: Caller) {
		if (route.access === 'anyone') return null;
		const name = caller.name;
		if (name === null) return { status: 401, error: 'unauthorized', reason: 'sign in first' };
		if (!route.db) return null;
		if (route.db.kind === 'user') {
			return route.db.name === userDbName(name)
				? null
				: { status: 403, error: 'forbidden', reason: 'this is not your database' };
		}
		const role = await opts.members.roleOf(route.db.name.slice('tf-ws-'.length), name);
		if (!role) {
			return { status: 403, error: 'forbidden', reason: 'You are not a member of this workspace.' };
		}
		if (route.access === 'write' && !canWrite(role)) {
			return {
				status: 403,
				error: 'forbidden',
				reason: 'Viewers can read this workspace but not change it.'
			};
		}
		return null;
	}

	async function forward(
		req: IncomingMessage,
		res: ServerResponse,
		route: DoorRoute,
		caller: Caller,
		body: string | null
	) {
		let release: (() => void) | null = null;
		let feed: { ms: number; since: string } | null = null;
		const params = new URLSearchParams(route.query);
		if (route.feed && params.get('feed') === 'longpoll') {
			const entered = feeds.enter(caller.name ?? '');
			if (typeof entered === 'string') {
				res.setHeader('retry-after', '5');
				const reason =
					entered === 'user'
						? 'Too many open sync connections for this account; close some tabs or devices.'
						: 'The server is at its limit of open sync connections; try again shortly.';
				return sendJson(
					res,
					entered === 'user' ? 429 : 503,
					couchError('too_many_requests', reason)
				);
			}
			release = entered;
			feed = {
				ms: Number(params.get('timeout') ?? FEED_DEFAULT_MS),
				since: params.get('since') ?? '0'
			};
		}
		try {
			await upstream.forward(req, res, {
				method: req.method === 'HEAD' ? 'HEAD' : (req.method ?? 'GET'),
				path: route.path,
				query: route.query,
				cookie: caller.cookie,
				body,
				feed,
				attachment: route.attachment,
				setCookie: caller.setCookie,
				caller: caller.name
			});
		} finally {
			release?.();
		}
	}

	function sameOrigin(req: IncomingMessage): boolean {
		if (req.headers['sec-fetch-site'] === 'cross-site') return false;
		const origin = req.headers.origin;
		if (origin === undefined) return true; // not a browser, or a same-origin navigation
		return origin === appOrigin(req, hops, opts.origin ?? null);
	}

	return {
		handle(req, res) {
			handle(req, res).catch((err: unknown) => {
				if (!res.headersSent) sendJson(res, 502, couchError('bad_gateway', (err as Error).message));
				else res.destroy();
			});
		},
		drain() {
			upstream.drainFeeds();
		},
		/** `names` lost or changed their role in workspace `ws`: end their waiting feeds. */
		rolesChanged(ws: string, names: string[]) {
			for (const name of names) upstream.endFeedsOf(`tf-ws-${ws}`, name);
		},
		close() {
			upstream.close();
		}
	};
}

async function readBody(
	req: IncomingMessage,
	route: DoorRoute
): Promise<
	{ ok: true; json: string } | { ok: false; status: 400 | 403 | 413 | 415; reason: string }
> {
	if (route.body === 'none') return { ok: true, json: '' };
	let parsed: unknown;
	try {
		parsed = await readJsonBody(req, BODY_LIMITS[route.body]);
	} catch (err) {
		const e = err as BodyError;
		return { ok: false, status: e.status, reason: e.message };
	}
	return checkBody(route.body, parsed, route.docId);
}

/**
 * The decoded path segments below `/db`, or why the path is refused. CouchDB decodes
 * `%2F` and `%5F` too, so deciding on anything but the decoded form would let encoded names
 * slip past; dot segments and empty segments are refused outright.
 */
export function splitPath(rawPath: string): string[] | string {
	if (rawPath !== '' && !rawPath.startsWith('/')) return 'path must start with /';
	const raw = rawPath.replace(/^\/+/, '');
	if (raw === '') return [];
	const parts = raw.split('/');
	if (parts.at(-1) === '') parts.pop();
	const out: string[] = [];
	for (const p of parts) {
		let d: string;
		try {
			d = decodeURIComponent(p);
		} catch {
			return 'malformed percent-encoding';
		}
		if (d === '') return 'empty path segment';
		if (d === '.' || d === '..' || d.split('/').some((x) => x === '.' || x === '..')) {
			return 'dot segments are not allowed';
		}
		if (/[\\\0]/.test(d)) return 'illegal character in path';
		out.push(d);
	}
	return out;
}
