/**
 * The accounts API under `/api`, JSON in and out. Identity comes from CouchDB (`/_session`
 * with the caller's cookie); the admin credentials never leave the server. Bodies must be
 * `application/json`, which also keeps cross-site HTML forms from posting here.
 *
 * - `GET/POST /api/setup` first-run owner and workspace (409 once done)
 * - `GET /api/me` → `{ name, owner, workspaces, userDb }` or 401
 * - `POST /api/workspaces` `{ name }` → 201 workspace, caller as owner
 * - `GET/PUT /api/policy` sign-up policy (`PUT`: owner only)
 * - `POST /api/signup` `{ name, password, invite? }`; `POST /api/users` (owner creates)
 * - `POST /api/password` `{ current, next }` → new session cookie
 * - members and invites: see `members-routes.ts`
 * - workspace import: see `backup-routes.ts`
 * - private calendar feed: see `calendar/calendar-routes.ts`
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	accountInput,
	passwordInput,
	policyInput,
	setupInput,
	signupInput,
	workspaceInput
} from './accounts-input';
import {
	createWorkspace,
	describeUser,
	needsSetup,
	isServerOwner,
	setupOwner
} from './accounts-service';
import { createRouter, type ApiDeps, type Route } from './api-router';
import { couchError, HttpError } from './http-json';
import { blockedMessage } from './login-limiter';
import { rewriteSetCookie } from './door/cookie-attributes';
import { memberRoutes } from './members-routes';
import { backupRoutes } from './backup-routes';
import { calendarRoutes } from './calendar/calendar-routes';
import { changePassword, createAccount, getPolicy, setPolicy, signUp } from './signup-service';

export { API_BODY_LIMIT } from './api-router';

function accountRoutes(deps: ApiDeps): Route[] {
	const { couch, upstream, limiter, members, address, limits, secureCookies } = deps;
	return [
		[
			'/api/setup',
			{
				GET: async (c) => c.send(200, { needsSetup: await needsSetup(couch) }),
				POST: async (c) => {
					const input = await c.body(setupInput);
					if (!(await needsSetup(couch))) {
						return c.send(409, couchError('conflict', 'setup is already done'));
					}
					c.send(201, await setupOwner(couch, input));
				}
			}
		],
		[
			'/api/me',
			{ GET: async (c) => c.send(200, await describeUser(couch, members, (await c.user()).name)) }
		],
		[
			'/api/workspaces',
			{
				POST: async (c) => {
					const { name } = await c.user();
					const input = await c.body(workspaceInput);
					const maxOwned = limits.workspacesPerAccount;
					const forImport = input.forImport === true;
					c.send(
						201,
						await createWorkspace(couch, members, name, input.name, { forImport, maxOwned })
					);
				}
			}
		],
		[
			'/api/policy',
			{
				GET: async (c) => c.send(200, { signup: await getPolicy(couch) }),
				PUT: async (c) => {
					await requireOwner(couch, await c.user());
					const { signup } = await c.body(policyInput);
					await setPolicy(couch, signup);
					c.send(200, { signup });
				}
			}
		],
		[
			'/api/signup',
			{ POST: async (c) => c.send(201, await signUp(couch, members, await c.body(signupInput))) }
		],
		[
			'/api/users',
			{
				POST: async (c) => {
					await requireOwner(couch, await c.user());
					const input = await c.body(accountInput);
					c.send(201, await createAccount(couch, input.name, input.password));
				}
			}
		],
		[
			'/api/password',
			{
				POST: async (c) => {
					const { name } = await c.user();
					const input = await c.body(passwordInput);
					const from = address(c.req);
					const blocked = limiter.check(name, from);
					if (blocked) {
						c.res.setHeader('retry-after', String(blocked.retryAfterSeconds));
						return c.send(429, blockedMessage(blocked));
					}
					try {
						const cookies = await changePassword(couch, upstream, name, input.current, input.next);
						const rewritten = cookies.map((k) => rewriteSetCookie(k, secureCookies));
						if (rewritten.length) c.res.setHeader('set-cookie', rewritten);
					} catch (err) {
						if (err instanceof HttpError && err.status === 403) limiter.fail(name, from);
						throw err;
					}
					c.send(200, { ok: true });
				}
			}
		]
	];
}

async function requireOwner(couch: ApiDeps['couch'], user: { name: string }): Promise<void> {
	if (!(await isServerOwner(couch, user.name))) {
		throw new HttpError(403, 'forbidden', 'only the owner of this server may do this');
	}
}

/** Builds the `/api` handler over the upstream CouchDB and an admin client for it. */
export function createAccountsApi(
	deps: ApiDeps
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
	return createRouter(deps, [
		...accountRoutes(deps),
		...memberRoutes(deps),
		...backupRoutes(deps),
		...calendarRoutes(deps)
	]);
}
