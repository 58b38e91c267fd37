/**
 * A small router for the accounts API: path patterns with `:params`, one handler per method,
 * 404/405 answers, and one place that turns thrown errors into JSON without leaking stacks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerScope } from 'nano';
import { BodyError, couchError, HttpError, readJsonBody, sendJson } from './http-json';
import { parseInput } from './accounts-input';
import type { LoginLimiter } from './login-limiter';
import type { DoorSessions } from './door/door-sessions';
import type { Limits } from './config';
import type { MembershipStore } from './workspace-members';
import type { z } from 'zod';

/** What every route handler gets. */
export interface ApiDeps {
	upstream: string;
	couch: ServerScope;
	limiter: LoginLimiter;
	/** Workspace member lists: the authority on who belongs where. */
	members: MembershipStore;
	/** The client's address, for rate limits (TRUST_PROXY-aware). */
	address: (req: IncomingMessage) => string;
	/** Who is calling, as the door sees it (session cookie or Basic credentials). */
	sessions: DoorSessions;
	/** Quotas (config.ts). */
	limits: Limits;
	/** Whether cookies handed out carry `Secure` (ORIGIN is https). */
	secureCookies: boolean;
}

export interface ApiCall {
	req: IncomingMessage;
	res: ServerResponse;
	params: Record<string, string>;
	/** The signed-in caller, or a 401. */
	user(): Promise<{ name: string }>;
	/**
	 * The JSON body validated by `schema`, or a 400 with a message per field; bodies over
	 * `limit` bytes (default `API_BODY_LIMIT`) get a 413.
	 */
	body<T>(schema: z.ZodType<T>, limit?: number): Promise<T>;
	send(status: number, body: unknown): void;
}

export type Route = [pattern: string, methods: Record<string, (call: ApiCall) => Promise<void>>];

/** Largest accepted request body. */
export const API_BODY_LIMIT = 64 * 1024;

class InvalidInput extends Error {
	constructor(readonly bad: unknown) {
		super('invalid input');
	}
}

/** Builds the handler over `routes`. */
export function createRouter(deps: ApiDeps, routes: Route[]) {
	const compiled = routes.map(([pattern, methods]) => {
		const names: string[] = [];
		const source = pattern.replace(/:(\w+)/g, (_m, name: string) => {
			names.push(name);
			return '([^/]+)';
		});
		return { re: new RegExp(`^${source}$`), names, methods };
	});

	return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '');
		let params: Record<string, string> = {};
		const route = compiled.find((r) => {
			const m = r.re.exec(path);
			if (!m) return false;
			try {
				params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
			} catch {
				return false;
			}
			return true;
		});
		if (!route) return sendJson(res, 404, couchError('not_found', 'no such API'));
		const handler = route.methods[req.method ?? 'GET'];
		if (!handler) {
			res.setHeader('allow', Object.keys(route.methods).join(', '));
			return sendJson(res, 405, couchError('method_not_allowed', `${req.method} not allowed`));
		}
		const call: ApiCall = {
			req,
			res,
			params,
			async user() {
				const who = await deps.sessions.identify(req, deps.address(req));
				if (!who.ok) {
					if (who.status === 429) {
						throw new HttpError(429, 'too_many_requests', 'too many failed sign-ins');
					}
					throw new HttpError(401, 'unauthorized', 'sign in first');
				}
				if (!who.caller.name) throw new HttpError(401, 'unauthorized', 'sign in first');
				return { name: who.caller.name };
			},
			async body(schema, limit = API_BODY_LIMIT) {
				const input = parseInput(schema, await readJsonBody(req, limit));
				if (!input.ok) throw new InvalidInput(input.bad);
				return input.value;
			},
			send: (status, body) => sendJson(res, status, body)
		};
		try {
			await handler(call);
		} catch (err) {
			if (err instanceof InvalidInput) return sendJson(res, 400, err.bad);
			if (err instanceof HttpError) {
				return sendJson(res, err.status, couchError(err.error, err.message));
			}
			if (err instanceof BodyError) {
				return sendJson(res, err.status, couchError('bad_request', err.message));
			}
			// Only the message, never the body: it may hold a password.
			console.error(
				JSON.stringify({ level: 'error', path: route.re.source, error: (err as Error).message })
			);
			sendJson(res, 500, couchError('internal', 'the server could not complete the request'));
		}
	};
}
