/**
 * The door (`/db`) as PouchDB and the app use it: what replication needs passes, everything
 * else is refused with a JSON reason, even for the server admin, and the answers carry no
 * CORS headers and no redirects. Attacks are in attacks.test.ts.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { adminAuth, as, baseUrl, door, newTask, ownerWithWorkspace, upstream } from './helpers';

let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
beforeAll(async () => {
	owner = await ownerWithWorkspace('door');
});

const asOwner = (path: string, init: RequestInit = {}) => as(owner.cookie, door(path), init);
const asAdmin = (path: string, init: RequestInit = {}) =>
	fetch(door(path), { ...init, headers: { ...init.headers, authorization: adminAuth() } });

describe('the door', () => {
	it('passes what PouchDB replication needs', async () => {
		const ws = `/${owner.ws.db}`;
		const root = await asOwner('/');
		expect(root.status).toBe(200);
		expect(await root.json()).toMatchObject({ couchdb: 'Welcome' });
		expect((await asOwner(`${ws}/`)).status).toBe(200);
		expect((await asOwner(`${ws}/_all_docs?limit=1`)).status).toBe(200);
		const changes = `${ws}/_changes?style=all_docs&since=0&limit=1&filter=taskflow%2Fdocs&seq_interval=1`;
		expect((await asOwner(changes)).status).toBe(200);
		expect((await asOwner(`${ws}/_design/taskflow`)).status).toBe(200);
		// An encoded slash is the same document: answered, never redirected out of /db.
		const encoded = await asOwner(`${ws}/_design%2Ftaskflow`, { redirect: 'manual' });
		expect(encoded.status).toBe(200);
		const checkpoint = {
			session_id: 's',
			history: [],
			replicator: 'pouchdb',
			version: 1,
			last_seq: 0
		};
		const local = await as(owner.cookie, door(`${ws}/_local/o0e6u1Y7ZyZr6VnV8JLxXw==`), {
			method: 'PUT',
			json: checkpoint
		});
		expect(local.status).toBe(201);
		const diff = await as(owner.cookie, door(`${ws}/_revs_diff`), {
			method: 'POST',
			json: { 'task:x': ['1-abc'] }
		});
		expect(diff.status).toBe(200);
		const task = newTask(owner.name);
		const put = await as(owner.cookie, door(`${ws}/${task._id}`), { method: 'PUT', json: task });
		expect(put.status).toBe(201);
		const got = await as(owner.cookie, door(`${ws}/_bulk_get?revs=true&latest=true`), {
			method: 'POST',
			json: { docs: [{ id: task._id }] }
		});
		expect(got.status).toBe(200);
		const view = await asOwner(`${ws}/_design/taskflow/_view/tasks_by_status?group_level=1`);
		expect(view.status).toBe(200);
	});

	it.each([
		['GET', '/_config'],
		['GET', '/%5Fconfig'],
		['PUT', '/_config/admins/mallory'],
		['GET', '/_node/_local/_config'],
		['GET', '/_utils/'],
		['POST', '/_replicate'],
		['GET', '/_scheduler/jobs'],
		['GET', '/_active_tasks'],
		['GET', '/_membership'],
		['GET', '/_cluster_setup'],
		['GET', '/_db_updates'],
		['POST', '/_dbs_info'],
		['GET', '/_stats'],
		['POST', '/_restart'],
		['GET', '/_reshard'],
		['GET', '/_anything'],
		['GET', '/_all_dbs'],
		['GET', '/_uuids'],
		['GET', '/tf-registry/_all_docs'],
		['GET', '/_users/_all_docs'],
		['GET', '/_replicator']
	])('refuses %s %s even for the server admin', async (method, path) => {
		const res = await asAdmin(path, { method });
		expect([403, 404, 405]).toContain(res.status);
		const body = (await res.json()) as { error?: unknown; reason?: unknown };
		expect(typeof body.error).toBe('string');
		expect(typeof body.reason).toBe('string');
	});

	it('refuses database-level writes, design writes and maintenance, with a JSON reason', async () => {
		const ws = `/${owner.ws.db}`;
		const cases: [string, string][] = [
			['PUT', ws],
			['DELETE', ws],
			['POST', ws],
			['COPY', `${ws}/task:x`],
			['GET', `${ws}/_security`],
			['PUT', `${ws}/_security`],
			['PUT', `${ws}/_design/evil`],
			['PUT', `${ws}/_design%2Fevil`],
			['DELETE', `${ws}/_design/taskflow`],
			['POST', `${ws}/_purge`],
			['POST', `${ws}/_compact`],
			['POST', `${ws}/_view_cleanup`],
			['PUT', `${ws}/_revs_limit`],
			['POST', `${ws}/_find`],
			['POST', `${ws}/_index`],
			['POST', `${ws}/_design/taskflow/_update/x`],
			['GET', `${ws}/_design/taskflow/_show/x`],
			['GET', `${ws}/_design/taskflow/_list/x/y`],
			['GET', `${ws}/_design/taskflow/_rewrite/x`],
			['PUT', `/_users/org.couchdb.user:${owner.name}`],
			['GET', `/_users/org.couchdb.user:${owner.name}`],
			['POST', '/_users']
		];
		for (const [method, path] of cases) {
			const res = await as(owner.cookie, door(path), {
				method,
				headers: { 'content-type': 'application/json' },
				body: method === 'GET' || method === 'DELETE' ? undefined : '{}'
			});
			expect([400, 403, 404, 405], `${method} ${path}`).toContain(res.status);
			expect(await res.json(), `${method} ${path}`).toHaveProperty('reason');
		}
		const sec = (await (await upstream(`${ws}/_security`)).json()) as {
			members: { names: string[] };
		};
		expect(sec.members.names).toEqual([owner.name]);
	});

	it('answers 405 with the methods a route takes', async () => {
		const res = await asOwner(`/${owner.ws.db}/_changes`, { method: 'PUT' });
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('GET, POST');
	});

	it('keeps the admin party closed upstream', async () => {
		const session = (await (await fetch(door('/_session'))).json()) as {
			userCtx: { name: string | null; roles: string[] };
		};
		expect(session.userCtx.name).toBeNull();
		expect(session.userCtx.roles).not.toContain('_admin');
		// Upstream, without credentials: CouchDB 3 (and the embedded server) keep databases
		// and their list from anonymous callers; the server admin gets them.
		for (const path of ['/_all_dbs', '/tf-registry/_all_docs', `/${owner.ws.db}/_all_docs`]) {
			expect([401, 403], path).toContain((await fetch(`${inject('couchUrl')}${path}`)).status);
		}
		expect((await upstream('/_all_dbs')).status).toBe(200);
	});

	it('sends no CORS headers', async () => {
		const origin = { origin: 'https://evil.example' };
		for (const path of ['/', '/_session', `/${owner.ws.db}/`, `/${owner.ws.db}/_all_docs`]) {
			const res = await as(owner.cookie, door(path), { headers: origin });
			expect(res.status, path).toBe(200);
			const cors = [...res.headers.keys()].filter((h) => h.startsWith('access-control-'));
			expect(cors, path).toEqual([]);
		}
	});

	it('accepts Basic credentials as a sign-in, once, and works with the session after', async () => {
		const basic = `Basic ${Buffer.from(`${owner.name}:${owner.password}`).toString('base64')}`;
		for (let i = 0; i < 3; i++) {
			const res = await fetch(door(`/${owner.ws.db}`), { headers: { authorization: basic } });
			expect(res.status).toBe(200);
		}
		const wrong = `Basic ${Buffer.from(`${owner.name}:nope`).toString('base64')}`;
		expect(
			(await fetch(door(`/${owner.ws.db}`), { headers: { authorization: wrong } })).status
		).toBe(401);
		expect((await fetch(`${baseUrl()}/api/me`, { headers: { authorization: basic } })).status).toBe(
			200
		);
	});

	it('signs a device in for long, with a cookie that outlives the browser', async () => {
		const res = await fetch(door('/_session'), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name: owner.name, password: owner.password })
		});
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('AuthSession='))!;
		// A persistent cookie for as long as the server keeps sessions: the embedded server's
		// SESSION_DAYS (30 by default), or CouchDB's [chttpd_auth] timeout (30 days with
		// couchdb/local.ini; CouchDB's documented default is 600 s).
		const timeout = process.env.COUCHDB_URL
			? await upstream('/_node/_local/_config/chttpd_auth/timeout').then(async (r) =>
					r.ok ? Number(await r.json()) : 600
				)
			: 30 * 24 * 3600;
		const maxAge = Number(/;\s*Max-Age=(\d+)/i.exec(cookie)?.[1] ?? 0);
		const expires = Date.parse(/;\s*Expires=([^;]+)/i.exec(cookie)?.[1] ?? '');
		const seconds = maxAge || (expires - Date.now()) / 1000;
		expect(seconds, cookie).toBeGreaterThan(timeout - 120);
	});
});
