import http from 'node:http';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { adminAuth, as, baseUrl, door, newTask, ownerWithWorkspace, upstream } from './helpers';

let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
beforeAll(async () => {
	owner = await ownerWithWorkspace('door');
});

/** Requests through the door as the workspace owner, and as the server admin. */
const asOwner = (path: string, init: RequestInit = {}) => as(owner.cookie, door(path), init);
const asAdmin = (path: string, init: RequestInit = {}) =>
	fetch(door(path), { ...init, headers: { ...init.headers, authorization: adminAuth() } });

/** GET with the path sent verbatim, as a hand-written client could. */
function rawGet(url: string): Promise<{ status: number; body: string }> {
	const u = new URL(url);
	const path = url.slice(u.origin.length);
	return new Promise((resolve, reject) => {
		const req = http.request(
			{ host: u.hostname, port: u.port, path, headers: { authorization: adminAuth() } },
			(res) => {
				let body = '';
				res.on('data', (d: Buffer) => (body += d.toString()));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
			}
		);
		req.on('error', reject);
		req.end();
	});
}

async function expectStillHealthy() {
	expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200);
	const task = newTask(owner.name, 'after refusal');
	const put = await as(owner.cookie, door(`/${owner.ws.db}/${task._id}`), {
		method: 'PUT',
		json: task
	});
	expect(put.status).toBe(201);
}

describe('the door', () => {
	it('passes what PouchDB needs', async () => {
		const ws = `/${owner.ws.db}`;
		expect((await asOwner('/')).status).toBe(200);
		expect((await asOwner('/_uuids')).status).toBe(200);
		expect((await asOwner(`${ws}/`)).status).toBe(200);
		expect((await asOwner(`${ws}/_all_docs?limit=1`)).status).toBe(200);
		expect((await asOwner(`${ws}/_changes?limit=1`)).status).toBe(200);
		expect((await asOwner(`${ws}/_security`)).status).toBe(200);
		expect((await asOwner(`${ws}/_design/taskflow`)).status).toBe(200);
		expect((await asOwner(`${ws}/_design%2Ftaskflow`)).status).toBe(200);
		const local = await as(owner.cookie, door(`${ws}/_local/checkpoint`), {
			method: 'PUT',
			json: { last_seq: 0 }
		});
		expect(local.status).toBe(201);
		const diff = await as(owner.cookie, door(`${ws}/_revs_diff`), {
			method: 'POST',
			json: { 'task:x': ['1-abc'] }
		});
		expect(diff.status).toBe(200);
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
		['GET', '/tf-registry/_all_docs'],
		['GET', '/_users/_all_docs'],
		['GET', '/_replicator']
	])('refuses %s %s even for the server admin', async (method, path) => {
		const res = await asAdmin(path, { method });
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({ error: 'forbidden' });
	});

	it('refuses database-level writes, design writes and maintenance', async () => {
		const ws = `/${owner.ws.db}`;
		const cases: [string, string][] = [
			['PUT', ws],
			['DELETE', ws],
			['POST', ws],
			['COPY', `${ws}/task:x`],
			['PUT', `${ws}/_security`],
			['PUT', `${ws}/_design/evil`],
			['PUT', `${ws}/_design%2Fevil`],
			['DELETE', `${ws}/_design/taskflow`],
			['POST', `${ws}/_purge`],
			['POST', `${ws}/_compact`],
			['POST', `${ws}/_view_cleanup`],
			['PUT', `${ws}/_revs_limit`],
			['POST', `${ws}/_design/taskflow/_update/x`],
			['GET', `${ws}/_design/taskflow/_show/x`],
			['GET', `${ws}/_design/taskflow/_list/x/y`],
			['GET', `${ws}/_design/taskflow/_rewrite/x`],
			['PUT', `/_users/org.couchdb.user:${owner.name}`],
			['DELETE', `/_users/org.couchdb.user:${owner.name}`],
			['POST', '/_users']
		];
		for (const [method, path] of cases) {
			const res = await as(owner.cookie, door(path), {
				method,
				headers: { 'content-type': 'application/json' },
				body: method === 'GET' || method === 'DELETE' ? undefined : '{}'
			});
			expect(res.status, `${method} ${path}`).toBe(403);
		}
		const sec = (await (await upstream(`${ws}/_security`)).json()) as {
			members: { names: string[] };
		};
		expect(sec.members.names).toEqual([owner.name]);
	});

	it('refuses malformed and traversing paths with 400', async () => {
		for (const path of [
			`/${owner.ws.db}/../_config`,
			`/${owner.ws.db}/%2E%2E/_config`,
			`/${owner.ws.db}//x`,
			`/${owner.ws.db}/%zz`
		]) {
			// fetch() would normalise `..` away; send the path exactly as written.
			const res = await rawGet(door(path));
			expect(res.status, path).toBe(400);
			expect(JSON.parse(res.body)).toMatchObject({ error: 'bad_request' });
		}
	});

	it('lists databases for server admins only', async () => {
		expect((await asAdmin('/_all_dbs')).status).toBe(200);
		expect((await asOwner('/_all_dbs')).status).toBe(403);
		expect((await fetch(door('/_all_dbs'))).status).toBe(403);
	});

	it('refuses the paths that crash the embedded server, and the server survives', async () => {
		const fresh = `tf-ws-${'0'.repeat(26)}`;
		expect((await fetch(door(`/${fresh}`), { method: 'PUT' })).status).toBe(403);
		expect((await fetch(door(`/${fresh}/`), { method: 'PUT' })).status).toBe(403);
		const selector = await as(owner.cookie, door(`/${owner.ws.db}/_changes?filter=_selector`), {
			method: 'POST',
			json: { selector: { type: 'task' } }
		});
		expect(selector.status).toBe(403);
		const encoded = await as(owner.cookie, door(`/${owner.ws.db}/_changes?filter=%5Fselector`), {
			method: 'POST',
			json: { selector: { type: 'task' } }
		});
		expect(encoded.status).toBe(403);
		await expectStillHealthy();
	});

	it('keeps the admin party closed', async () => {
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
		const anonymous = await fetch(`${new URL(door()).origin}/db/_config`);
		expect(anonymous.status).toBe(403);
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
});
