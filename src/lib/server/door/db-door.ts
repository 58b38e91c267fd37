/**
 * The door: `/db/*` on the app's origin, proxied to CouchDB after `decideDoor` allows it.
 * Same-origin keeps cookies simple and makes CORS unnecessary, so CORS headers from the
 * upstream are stripped. Bodies stream both ways; nothing but the `/db` prefix is rewritten.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { Transform } from 'node:stream';
import httpProxy from 'http-proxy';
import { couchError, sendJson } from '../http-json';
import { blockedMessage, LoginLimiter } from '../login-limiter';
import { sessionOf } from '../upstream-session';
import { decideDoor } from './door-rules';
import { clientAddress, handleSignIn } from './session-login';

/** Largest request body through the door (a `_bulk_docs` batch or an attachment). */
export const DOOR_BODY_LIMIT = 32 * 1024 * 1024;

const USER_DOC_PATH = /^\/_users\/org\.couchdb\.user:([^/]+)\/?$/;
const safeDecode = (p: string) => {
	try {
		return decodeURIComponent(p);
	} catch {
		return p;
	}
};

/** Mount prefix of the door on the app server. */
export const DOOR_PREFIX = '/db';

/** Handles one request whose URL starts with `/db`. */
export type DoorHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Builds the door in front of `upstream` (a CouchDB base URL without credentials). */
export function createDbDoor(
	upstream: string,
	limiter: LoginLimiter = new LoginLimiter()
): { handle: DoorHandler; close(): void } {
	const agentOptions = { keepAlive: true, maxSockets: 256 };
	const agent = upstream.startsWith('https:')
		? new https.Agent(agentOptions)
		: new http.Agent(agentOptions);
	// No proxyTimeout: longpoll and continuous `_changes` legitimately hold a response open.
	const proxy = httpProxy.createProxyServer({ target: upstream, agent, xfwd: false, ws: false });

	proxy.on('proxyRes', (proxyRes) => {
		for (const name of Object.keys(proxyRes.headers)) {
			if (name.toLowerCase().startsWith('access-control-')) delete proxyRes.headers[name];
		}
	});
	proxy.on('error', (err, _req, res) => {
		if ('writeHead' in res) {
			sendJson(res, 502, couchError('bad_gateway', `database unreachable: ${err.message}`));
		} else {
			res.destroy();
		}
	});

	function forward(req: IncomingMessage, res: ServerResponse, rawPath: string, query: string) {
		req.url = rawPath + (query ? `?${query}` : '');
		if (req.headers['content-length'] !== undefined || !req.headers['transfer-encoding']) {
			return proxy.web(req, res);
		}
		// Chunked bodies declare no length: count them as they stream and cut off the excess.
		let size = 0;
		const counted = new Transform({
			transform(chunk: Buffer, _enc, done) {
				size += chunk.byteLength;
				if (size > DOOR_BODY_LIMIT) done(new Error('too large'));
				else done(null, chunk);
			}
		});
		counted.on('error', () => {
			sendJson(res, 413, couchError('too_large', `body over ${DOOR_BODY_LIMIT} bytes`));
			req.destroy();
		});
		proxy.web(req, res, { buffer: req.pipe(counted) });
	}

	/**
	 * Basic credentials are a sign-in on every request, so they are throttled like
	 * `POST /_session`: checked against CouchDB first, failures counted, then forwarded.
	 */
	async function checkBasic(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
		const auth = req.headers.authorization;
		if (typeof auth !== 'string' || !/^basic /i.test(auth)) return true;
		const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
		const account = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : null;
		const address = clientAddress(req);
		const blocked = limiter.check(account?.toLowerCase() ?? null, address);
		if (blocked) {
			res.setHeader('retry-after', String(blocked.retryAfterSeconds));
			sendJson(res, 429, blockedMessage(blocked));
			return false;
		}
		const ctx = await sessionOf(upstream, { authorization: auth });
		if (ctx.name) return true;
		limiter.fail(account?.toLowerCase() ?? null, address);
		sendJson(res, 401, couchError('unauthorized', 'Name or password is incorrect.'));
		return false;
	}

	function refuse(req: IncomingMessage, res: ServerResponse, status: number, body: object) {
		sendJson(res, status, body);
		req.resume();
	}

	function handle(req: IncomingMessage, res: ServerResponse): void {
		const url = req.url ?? '/';
		const q = url.indexOf('?');
		const rawPath = (q === -1 ? url : url.slice(0, q)).slice(DOOR_PREFIX.length) || '/';
		const query = q === -1 ? '' : url.slice(q + 1);
		const verdict = decideDoor(req.method ?? 'GET', rawPath, query);
		if (!verdict.allow) {
			const error = verdict.status === 400 ? 'bad_request' : 'forbidden';
			return refuse(req, res, verdict.status, couchError(error, verdict.reason));
		}
		if (Number(req.headers['content-length'] ?? 0) > DOOR_BODY_LIMIT) {
			return refuse(req, res, 413, couchError('too_large', `body over ${DOOR_BODY_LIMIT} bytes`));
		}
		const fail = (err: Error) => sendJson(res, 502, couchError('bad_gateway', err.message));
		if (req.method === 'POST' && /^\/_session\/?$/.test(rawPath)) {
			return void handleSignIn(req, res, upstream, limiter).catch(fail);
		}
		checkBasic(req, res).then(async (ok) => {
			if (!ok) return req.resume();
			const account = USER_DOC_PATH.exec(safeDecode(rawPath))?.[1];
			if (account !== undefined) {
				// Only your own account document; others are "missing", as CouchDB answers.
				const ctx = await sessionOf(upstream, req.headers);
				if (ctx.name === account || ctx.roles.includes('_admin')) {
					return forward(req, res, rawPath, query);
				}
				return sendJson(res, 404, couchError('not_found', 'missing'));
			}
			if (!verdict.adminOnly) return forward(req, res, rawPath, query);
			const ctx = await sessionOf(upstream, req.headers);
			if (ctx.roles.includes('_admin')) return forward(req, res, rawPath, query);
			sendJson(res, 403, couchError('forbidden', 'only server admins may list databases'));
		}, fail);
	}

	return {
		handle,
		close() {
			proxy.close();
			agent.destroy();
		}
	};
}
