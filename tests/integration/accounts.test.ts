/**
 * The accounts API beyond setup: invites, members and roles, sign-up policy, accounts made
 * by the owner, password changes, sign-in throttling and the headers on every response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	as,
	baseUrl,
	createUser,
	door,
	login,
	newTask,
	ownerWithWorkspace,
	uniqueName
} from './helpers';

const api = (path: string) => `${baseUrl()}/api${path}`;
let admin: Awaited<ReturnType<typeof ownerWithWorkspace>>;
const owner = { name: uniqueName('acc-owner'), cookie: '' };

beforeAll(async () => {
	admin = await ownerWithWorkspace('acc-adm');
	owner.cookie = await login(owner.name, await createUser(owner.name, ['tf.owner']));
});

afterAll(async () => {
	await as(owner.cookie, api('/policy'), { method: 'PUT', json: { signup: 'invite-only' } });
});

async function invite(role: string, hours = 24): Promise<string> {
	const res = await as(admin.cookie, api(`/workspaces/${admin.ws.id}/invites`), {
		method: 'POST',
		json: { role, hours }
	});
	expect(res.status).toBe(201);
	const body = (await res.json()) as { token: string; path: string; expiresAt: string };
	expect(body.path).toBe(`/invite/${body.token}`);
	return body.token;
}

const members = async (cookie: string) =>
	(await (await as(cookie, api(`/workspaces/${admin.ws.id}/members`))).json()) as {
		name: string;
		role: string;
	}[];

describe('invites and members', () => {
	it('signs a new user up through an invite, once', async () => {
		const token = await invite('member');
		const info = await as(null, api(`/invites/${token}`));
		expect(await info.json()).toMatchObject({
			workspace: { id: admin.ws.id, name: admin.ws.name },
			role: 'member',
			invitedBy: admin.name
		});
		const name = uniqueName('inv');
		const res = await as(null, api('/signup'), {
			method: 'POST',
			json: { name, password: 'long enough pw', invite: token }
		});
		expect(res.status).toBe(201);
		expect(await res.json()).toMatchObject({
			name,
			workspace: { id: admin.ws.id, role: 'member' }
		});
		const cookie = await login(name, 'long enough pw');
		expect((await as(cookie, door(`/${admin.ws.db}/_all_docs`))).status).toBe(200);
		expect((await as(null, api(`/invites/${token}`))).status).toBe(410);
		const again = await as(null, api('/signup'), {
			method: 'POST',
			json: { name: uniqueName('inv2'), password: 'long enough pw', invite: token }
		});
		expect(again.status).toBe(410);
	});

	it('lets a signed-in user accept, and lists, re-roles and removes members', async () => {
		const name = uniqueName('acc');
		const cookie = await login(name, await createUser(name));
		const accepted = await as(cookie, api(`/invites/${await invite('viewer')}/accept`), {
			method: 'POST'
		});
		expect(await accepted.json()).toMatchObject({ id: admin.ws.id, role: 'viewer' });
		const list = await members(cookie);
		expect(list[0]).toEqual({ name: admin.name, role: 'admin' });
		expect(list).toContainEqual({ name, role: 'viewer' });
		const task = newTask(name);
		const write = () =>
			as(cookie, door(`/${admin.ws.db}/${task._id}`), { method: 'PUT', json: task });
		expect([401, 403]).toContain((await write()).status);

		const promote = await as(admin.cookie, api(`/workspaces/${admin.ws.id}/members/${name}`), {
			method: 'PUT',
			json: { role: 'member' }
		});
		expect(promote.status).toBe(200);
		expect((await write()).status).toBe(201);

		const removed = await as(admin.cookie, api(`/workspaces/${admin.ws.id}/members/${name}`), {
			method: 'DELETE'
		});
		expect(removed.status).toBe(200);
		// Access ends on the very next request, with the same session cookie.
		expect([401, 403]).toContain((await as(cookie, door(`/${admin.ws.db}/_all_docs`))).status);
		const me = (await (await as(cookie, api('/me'))).json()) as { workspaces: unknown[] };
		expect(me.workspaces).toEqual([]);
	});

	it('refuses unknown and malformed invites', async () => {
		expect((await as(null, api(`/invites/${'a'.repeat(32)}`))).status).toBe(404);
		expect((await as(null, api('/invites/..%2F..%2F_users'))).status).toBe(404);
		const bad = await as(admin.cookie, api(`/workspaces/${admin.ws.id}/invites`), {
			method: 'POST',
			json: { role: 'owner', hours: 0 }
		});
		expect(bad.status).toBe(400);
	});

	it('keeps one admin: the last one can neither leave nor be demoted', async () => {
		const me = `/workspaces/${admin.ws.id}/members/${admin.name}`;
		const leave = await as(admin.cookie, api(me), { method: 'DELETE' });
		expect(leave.status).toBe(409);
		const demote = await as(admin.cookie, api(me), { method: 'PUT', json: { role: 'viewer' } });
		expect(demote.status).toBe(409);
	});

	it('lets a member leave', async () => {
		const name = uniqueName('leave');
		const cookie = await login(name, await createUser(name, [`ws.${admin.ws.id}.member`]));
		const res = await as(cookie, api(`/workspaces/${admin.ws.id}/members/${name}`), {
			method: 'DELETE'
		});
		expect(res.status).toBe(200);
		expect((await members(admin.cookie)).map((m) => m.name)).not.toContain(name);
	});
});

describe('sign-up policy and accounts', () => {
	it('follows the policy the owner sets', async () => {
		const signup = (name: string) =>
			as(null, api('/signup'), { method: 'POST', json: { name, password: 'long enough pw' } });
		const set = (signup: string, cookie = owner.cookie) =>
			as(cookie, api('/policy'), { method: 'PUT', json: { signup } });
		expect((await set('open', admin.cookie)).status).toBe(403);
		expect((await set('open')).status).toBe(200);
		expect(await (await as(null, api('/policy'))).json()).toEqual({ signup: 'open' });
		const name = uniqueName('open');
		expect((await signup(name)).status).toBe(201);
		expect((await signup(name)).status).toBe(409);
		const cookie = await login(name, 'long enough pw');
		const me = (await (await as(cookie, api('/me'))).json()) as { userDb: string };
		expect((await as(cookie, door(`/${me.userDb}`))).status).toBe(200);
		expect((await set('invite-only')).status).toBe(200);
		expect((await signup(uniqueName('closed'))).status).toBe(403);
		expect((await set('owner-creates')).status).toBe(200);
		expect((await signup(uniqueName('closed'))).status).toBe(403);
		const made = await as(owner.cookie, api('/users'), {
			method: 'POST',
			json: { name: uniqueName('made'), password: 'long enough pw' }
		});
		expect(made.status).toBe(201);
		const notOwner = await as(admin.cookie, api('/users'), {
			method: 'POST',
			json: { name: uniqueName('made'), password: 'long enough pw' }
		});
		expect(notOwner.status).toBe(403);
	});

	it('changes a password only with the current one, and keeps the session', async () => {
		const name = uniqueName('pw');
		const password = await createUser(name);
		const cookie = await login(name, password);
		const change = (current: string, next: string) =>
			as(cookie, api('/password'), { method: 'POST', json: { current, next } });
		expect((await change('not it', 'a new long password')).status).toBe(403);
		expect((await change(password, 'short')).status).toBe(400);
		const res = await change(password, 'a new long password');
		expect(res.status).toBe(200);
		const fresh = res.headers.getSetCookie().find((c) => c.startsWith('AuthSession='));
		expect((await as(fresh!.split(';')[0]!, api('/me'))).status).toBe(200);
		expect(await login(name, 'a new long password')).toMatch(/^AuthSession=/);
		await expect(login(name, password)).rejects.toThrow(/401/);
	});
});

describe('hardening', () => {
	it('throttles failed sign-ins per account with a clear 429', async () => {
		const name = uniqueName('brute');
		const password = await createUser(name);
		const attempt = (pw: string) =>
			as(null, door('/_session'), { method: 'POST', json: { name, password: pw } });
		for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).status).toBe(401);
		const blocked = await attempt(password);
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await blocked.json()).toMatchObject({
			error: 'too_many_requests',
			reason: expect.stringMatching(/too many failed sign-ins for this account/i) as unknown
		});
		const basic = `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
		const viaBasic = await fetch(door('/_session'), { headers: { authorization: basic } });
		expect(viaBasic.status).toBe(429);
	});

	it('sends security headers and no stack traces', async () => {
		for (const path of ['/api/me', '/db/', '/healthz', '/api/nope']) {
			const res = await fetch(`${baseUrl()}${path}`);
			expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(res.headers.get('x-frame-options'), path).toBe('DENY');
			// Pages get theirs from SvelteKit; the JSON of /db and /api a strict default.
			if (path !== '/healthz') {
				expect(res.headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'/);
			}
			expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
			expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
			expect(await res.text(), path).not.toMatch(/\n\s+at /);
		}
	});

	it('refuses oversized bodies at the door', async () => {
		const res = await fetch(door(`/${admin.ws.db}/_bulk_docs`), {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) },
			body: '{}'
		}).catch(() => null);
		// Node's fetch may refuse to send a lying content-length; then the server never sees it.
		if (res) expect(res.status).toBe(413);
	});
});
