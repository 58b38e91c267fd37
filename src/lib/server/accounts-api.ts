/**
 * The accounts API under `/api`, JSON in and out:
 *
 * - `GET  /api/setup` → `{ needsSetup }`
 * - `POST /api/setup` `{ name, password, workspaceName }` → 201 `{ name, workspace, userDb }`;
 *   409 once an owner exists; 400 `{ error, reason, fields }` on invalid input
 * - `GET  /api/me` → `{ name, roles, workspaces: [{ id, name, role, db }], userDb }`, or 401
 * - `POST /api/workspaces` `{ name }` → 201 `{ id, name, role: 'admin', db }`
 *
 * Identity comes from CouchDB (`/_session` with the caller's cookie or Authorization);
 * the admin credentials never leave the server. Bodies must be `application/json`, which
 * also keeps cross-site HTML forms from posting here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerScope } from 'nano';
import { BodyError, couchError, readJsonBody, sendJson } from './http-json';
import { parseInput, setupInput, workspaceInput } from './accounts-input';
import {
	ConflictError,
	createWorkspace,
	describeUser,
	needsSetup,
	NoAccountError,
	setupOwner
} from './accounts-service';
import { sessionOf } from './upstream-session';

/** Largest accepted request body. */
export const API_BODY_LIMIT = 64 * 1024;

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Builds the `/api` handler over the upstream CouchDB and an admin client for it. */
export function createAccountsApi(opts: { upstream: string; couch: ServerScope }): Handler {
	const { upstream, couch } = opts;

	const routes: Record<string, Partial<Record<string, Handler>>> = {
		'/api/setup': {
			GET: async (_req, res) => sendJson(res, 200, { needsSetup: await needsSetup(couch) }),
			POST: async (req, res) => {
				const input = parseInput(setupInput, await readJsonBody(req, API_BODY_LIMIT));
				if (!input.ok) return sendJson(res, 400, input.bad);
				if (!(await needsSetup(couch))) {
					return sendJson(res, 409, couchError('conflict', 'setup is already done'));
				}
				sendJson(res, 201, await setupOwner(couch, input.value));
			}
		},
		'/api/me': {
			GET: async (req, res) => {
				const ctx = await sessionOf(upstream, req.headers);
				if (!ctx.name) return sendJson(res, 401, couchError('unauthorized', 'sign in first'));
				sendJson(res, 200, await describeUser(couch, { ...ctx, name: ctx.name }));
			}
		},
		'/api/workspaces': {
			POST: async (req, res) => {
				const ctx = await sessionOf(upstream, req.headers);
				if (!ctx.name) return sendJson(res, 401, couchError('unauthorized', 'sign in first'));
				const input = parseInput(workspaceInput, await readJsonBody(req, API_BODY_LIMIT));
				if (!input.ok) return sendJson(res, 400, input.bad);
				sendJson(res, 201, await createWorkspace(couch, ctx.name, input.value.name));
			}
		}
	};

	return async (req, res) => {
		const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '');
		const route = routes[path];
		const handler = route?.[req.method ?? 'GET'];
		if (!route) return sendJson(res, 404, couchError('not_found', `no API at ${path}`));
		if (!handler) {
			res.setHeader('allow', Object.keys(route).join(', '));
			return sendJson(res, 405, couchError('method_not_allowed', `${req.method} ${path}`));
		}
		try {
			await handler(req, res);
		} catch (err) {
			if (err instanceof BodyError) {
				return sendJson(res, err.status, couchError('bad_request', err.message));
			}
			if (err instanceof NoAccountError) {
				return sendJson(res, 403, couchError('forbidden', err.message));
			}
			if (err instanceof ConflictError) {
				return sendJson(res, 409, couchError('conflict', err.message));
			}
			// Only the message: a body (with a password) must never reach the log.
			console.error(JSON.stringify({ level: 'error', path, error: (err as Error).message }));
			sendJson(res, 500, couchError('internal', 'the server could not complete the request'));
		}
	};
}
