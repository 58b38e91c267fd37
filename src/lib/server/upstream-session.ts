/**
 * Who is calling: CouchDB is the identity provider, so the caller's own cookie or
 * Authorization header is replayed to the upstream `/_session` and its answer trusted.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** CouchDB's user context. `name` is null for anonymous callers. */
export interface UserCtx {
	name: string | null;
	roles: string[];
}

/** Asks `upstream/_session` who the holder of these request headers is. */
export async function sessionOf(upstream: string, headers: IncomingHttpHeaders): Promise<UserCtx> {
	const forwarded: Record<string, string> = { accept: 'application/json' };
	if (typeof headers.cookie === 'string') forwarded.cookie = headers.cookie;
	if (typeof headers.authorization === 'string') forwarded.authorization = headers.authorization;
	const res = await fetch(`${upstream}/_session`, { headers: forwarded });
	// Bad Basic credentials answer 401: that caller is nobody, not an error of ours.
	if (res.status === 401) return { name: null, roles: [] };
	if (!res.ok) throw new Error(`upstream /_session answered ${res.status}`);
	const body = (await res.json()) as { userCtx?: Partial<UserCtx> };
	return {
		name: typeof body.userCtx?.name === 'string' ? body.userCtx.name : null,
		roles: Array.isArray(body.userCtx?.roles) ? body.userCtx.roles.filter(isString) : []
	};
}

const isString = (x: unknown): x is string => typeof x === 'string';
