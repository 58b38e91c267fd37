/**
 * The door: `/db/*` on the app's origin, proxied to CouchDB after `decideDoor` allows it.
 * Same-origin keeps cookies simple and makes CORS unnecessary, so CORS headers from the
 * upstream are stripped. Bodies stream both ways; nothing but the `/db` prefix is rewritten.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import httpProxy from 'http-proxy';
import { couchError, sendJson } from '../http-json';
import { sessionOf } from '../upstream-session';
import { decideDoor } from './door-rules';

/** Mount prefix of the door on the app server. */
export const DOOR_PREFIX = '/db';

/** Handles one request whose URL starts with `/db`. */
export type DoorHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Builds the door in front of `upstream` (a CouchDB base URL without credentials). */
export function createDbDoor(upstream: string): { handle: DoorHandler; close(): void } {
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
		proxy.web(req, res);
	}

	function handle(req: IncomingMessage, res: ServerResponse): void {
		const url = req.url ?? '/';
		const q = url.indexOf('?');
		const rawPath = (q === -1 ? url : url.slice(0, q)).slice(DOOR_PREFIX.length) || '/';
		const query = q === -1 ? '' : url.slice(q + 1);
		const verdict = decideDoor(req.method ?? 'GET', rawPath, query);
		if (!verdict.allow) {
			const error = verdict.status === 400 ? 'bad_request' : 'forbidden';
			sendJson(res, verdict.status, couchError(error, verdict.reason));
			req.resume();
			return;
		}
		if (!verdict.adminOnly) return forward(req, res, rawPath, query);
		sessionOf(upstream, req.headers).then(
			(ctx) => {
				if (ctx.roles.includes('_admin')) return forward(req, res, rawPath, query);
				sendJson(res, 403, couchError('forbidden', 'only server admins may list databases'));
			},
			(err: Error) => sendJson(res, 502, couchError('bad_gateway', err.message))
		);
	}

	return {
		handle,
		close() {
			proxy.close();
			agent.destroy();
		}
	};
}
