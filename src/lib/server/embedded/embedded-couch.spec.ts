import { pbkdf2Sync } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedCouch, type EmbeddedCouch } from './embedded-couch';

const admin = { user: 'tf-admin', password: 'admin-secret-1234' };
let dir: string;
let couch: EmbeddedCouch;

const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
const asAdmin = { authorization: basic(admin.user, admin.password) };
const json = { 'content-type': 'application/json' };

async function call(
	method: string,
	p: string,
	headers: Record<string, string> = {},
	body?: unknown
) {
	const res = await fetch(`${couch.url}${p}`, {
		method,
		headers: body === undefined ? headers : { ...json, ...headers },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});
	const text = await res.text();
	let parsed: unknown = text;
	try {
		parsed = JSON.parse(text);
	} catch {
		// not JSON
	}
	return { status: res.status, body: parsed as Record<string, unknown>, headers: res.headers };
}

async function signIn(name: string, password: string): Promise<string> {
	const res = await call('POST', '/_session', {}, { name, password });
	expect(res.status).toBe(200);
	return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

/**
 * Data as express-pouchdb (TaskFlow's embedded server before its own) left it: the catalog
 * of databases, a user hashed with 10 iterations of PBKDF2-SHA1, a security object in
 * `_local/_security`.
 */
async function writeOldFormat(couchDir: string) {
	await mkdir(couchDir, { recursive: true });
	const Old = PouchDB.defaults({ prefix: couchDir + path.sep });
	const catalog = new Old('pouch__all_dbs__');
	await catalog.bulkDocs([{ _id: 'db__users' }, { _id: 'db_legacy-db' }]);
	const salt = 'a1b2c3d4e5f6';
	const users = new Old('_users');
	await users.put({
		_id: 'org.couchdb.user:old-timer',
		type: 'user',
		name: 'old-timer',
		roles: [],
		password_scheme: 'pbkdf2',
		iterations: 10,
		salt,
		derived_key: pbkdf2Sync('remember me', salt, 10, 20, 'sha1').toString('hex')
	});
	const legacy = new Old('legacy-db');
	await legacy.put({ _id: '_local/_security', security: { members: { names: ['old-timer'] } } });
	await legacy.put({ _id: 'note:1', text: 'still here' });
	await Promise.all([catalog.close(), users.close(), legacy.close()]);
}

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'tf-embedded-'));
	await writeOldFormat(path.join(dir, 'couch'));
	couch = await startEmbeddedCouch({ dataDir: dir, admin, iterations: 1000, log: () => undefined });
	for (const db of ['tf-ws-a', 'tf-ws-b']) {
		expect((await call('PUT', `/${db}`, asAdmin)).status).toBe(201);
	}
	await call('PUT', '/_users/org.couchdb.user:ann', asAdmin, {
		_id: 'org.couchdb.user:ann',
		type: 'user',
		name: 'ann',
		roles: [],
		password: 'ann password'
	});
	await call('PUT', '/tf-ws-a/_security', asAdmin, {
		admins: { names: [], roles: ['_admin'] },
		members: { names: ['ann'], roles: ['_admin'] },
		taskflow: { admins: ['ann'], writers: ['ann'] }
	});
});

afterAll(async () => {
	await couch?.close();
	await rm(dir, { recursive: true, force: true });
});

describe('the embedded server', () => {
	it('reads data an earlier version wrote and re-hashes old passwords on sign-in', async () => {
		expect((await call('GET', '/_all_dbs', asAdmin)).body).toEqual(
			expect.arrayContaining(['_users', 'legacy-db', 'tf-ws-a'])
		);
		const cookie = await signIn('old-timer', 'remember me');
		expect((await call('GET', '/legacy-db/note:1', { cookie })).body).toMatchObject({
			text: 'still here'
		});
		const doc = (await call('GET', '/_users/org.couchdb.user:old-timer', asAdmin)).body;
		expect(doc).toMatchObject({ pbkdf2_prf: 'sha256', iterations: 1000 });
		expect(doc).not.toHaveProperty('password');
		await signIn('old-timer', 'remember me');
	});

	it('stores hashes, never passwords, and refuses wrong ones', async () => {
		const doc = (await call('GET', '/_users/org.couchdb.user:ann', asAdmin)).body;
		expect(doc).not.toHaveProperty('password');
		expect(doc.derived_key).toMatch(/^[0-9a-f]{64}$/);
		expect((await call('POST', '/_session', {}, { name: 'ann', password: 'nope' })).status).toBe(
			401
		);
		expect((await call('GET', '/tf-ws-a', { authorization: basic('ann', 'nope') })).status).toBe(
			401
		);
		expect(
			(await call('GET', '/tf-ws-a', { authorization: basic('ann', 'ann password') })).status
		).toBe(200);
	});

	it('refuses name and password that are not strings, and form or text bodies without them', async () => {
		for (const body of [
			{ name: ['ann'], password: 'ann password' },
			{ name: 'ann', password: 1 },
			{}
		]) {
			expect((await call('POST', '/_session', {}, body)).status).toBe(400);
		}
		const text = await call('POST', '/_session', { 'content-type': 'text/plain' }, 'name=ann');
		expect(text.status).toBe(415);
	});

	it('gives anonymous callers nothing but the session endpoint and the welcome', async () => {
		for (const [method, p, body] of [
			['GET', '/tf-ws-a/_all_docs'],
			['POST', '/tf-ws-a/_find', { selector: {} }],
			['POST', '/tf-ws-a/_bulk_get', { docs: [{ id: 'x' }] }],
			['POST', '/tf-ws-a/_index', { index: { fields: ['x'] } }],
			['GET', '/tf-ws-a/_changes'],
			['GET', '/_users/_all_docs'],
			['GET', '/_all_dbs'],
			['PUT', '/tf-ws-c'],
			['GET', '/_uuids']
		] as [string, string, unknown?][]) {
			expect([401, 403], `${method} ${p}`).toContain((await call(method, p, {}, body)).status);
		}
		expect((await call('GET', '/_session')).body).toMatchObject({
			userCtx: { name: null, roles: [] }
		});
	});

	it('keeps the security object out of the document API, even for members', async () => {
		const cookie = await signIn('ann', 'ann password');
		const local = await call('PUT', '/tf-ws-a/_local/_security', { cookie }, { security: {} });
		expect(local.status).toBe(403);
		const bodyId = await call('PUT', '/tf-ws-a/task:1', { cookie }, { _id: '_local/_security' });
		expect(bodyId.status).toBe(400);
		const bulk = await call(
			'POST',
			'/tf-ws-a/_bulk_docs',
			{ cookie },
			{
				docs: [
					{ _id: '_local/_security', security: {} },
					{ _id: '_design/evil', views: {} }
				]
			}
		);
		expect(bulk.body).toEqual([
			expect.objectContaining({ error: 'bad_request' }),
			expect.objectContaining({ error: 'forbidden' })
		]);
		expect((await call('PUT', '/tf-ws-a/_security', { cookie }, {})).status).toBe(403);
		expect((await call('GET', '/tf-ws-a/_local/_security', { cookie })).status).toBe(403);
		expect((await call('GET', '/tf-ws-b', { cookie })).status).toBe(403);
	});

	it('runs no code from stored design documents', async () => {
		const evil = {
			_id: '_design/taskflow',
			views: { tasks_by_status: { map: 'function () { globalThis.pwned = true; }' } },
			validate_doc_update: 'function () { globalThis.pwned = true; }',
			filters: { docs: 'function () { globalThis.pwned = true; return true; }' }
		};
		expect((await call('PUT', '/tf-ws-b/_design/taskflow', asAdmin, evil)).status).toBe(201);
		await call('GET', '/tf-ws-b/_design/taskflow/_view/tasks_by_status', asAdmin);
		await call('GET', '/tf-ws-b/_changes?filter=taskflow/docs', asAdmin);
		await call('PUT', '/tf-ws-b/task:2', asAdmin, { type: 'nope' });
		expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
		const unknown = await call('GET', '/tf-ws-b/_design/x/_view/y', asAdmin);
		expect(unknown.status).toBe(404);
	});

	it('answers requests that used to crash it with an error, and keeps serving', async () => {
		const cookie = await signIn('ann', 'ann password');
		const cases: [string, string, Record<string, string>, string?][] = [
			['PUT', '/tf-ws-a/x', { 'content-type': 'multipart/related; boundary=z' }, '--z\r\n{bad'],
			['GET', '/tf-ws-a/_changes?filter=nope', {}],
			['GET', '/tf-ws-a/_changes?filter=_view', {}],
			['GET', '/tf-ws-a/_changes?filter=_doc_ids', {}],
			['GET', '/tf-ws-a/_changes?feed=eventsource', {}],
			['GET', '/tf-ws-a/_changes?since=abc', {}],
			['GET', '/tf-ws-a/_design/taskflow/_view', {}],
			['GET', '/tf-ws-a/_design', {}],
			['GET', '/tf-ws-a/x?open_revs=[1', {}],
			['POST', '/tf-ws-a/_bulk_docs', json, '{"docs": 5}'],
			['POST', '/tf-ws-a/_bulk_get', json, '{"docs": [{"id": 5}]}'],
			['POST', '/tf-ws-a/_revs_diff', json, '[1,2]'],
			['POST', '/tf-ws-a/_all_docs', json, '{"keys": 3}'],
			['GET', '/%zz', {}]
		];
		for (const [method, p, headers, body] of cases) {
			const res = await fetch(`${couch.url}${p}`, {
				method,
				headers: { cookie, ...headers },
				body
			});
			expect(res.status, `${method} ${p}`).toBeGreaterThanOrEqual(400);
			expect(res.status, `${method} ${p}`).toBeLessThan(500);
		}
		const junk = await call('POST', '/tf-ws-a/_bulk_docs', { cookie }, { docs: [5, null, 'x'] });
		expect(junk.body).toEqual(Array(3).fill(expect.objectContaining({ error: 'bad_request' })));
		expect((await call('GET', '/tf-ws-a', { cookie })).status).toBe(200);
	});

	it('ends a live feed when its client goes away', async () => {
		const cookie = await signIn('ann', 'ann password');
		const controller = new AbortController();
		const feed = fetch(`${couch.url}/tf-ws-a/_changes?feed=continuous&since=now&heartbeat=1000`, {
			headers: { cookie },
			signal: controller.signal
		});
		const { liveFeeds } = await import('./changes-feed');
		await expect.poll(() => liveFeeds()).toBe(1);
		controller.abort();
		await feed.catch(() => undefined);
		await expect.poll(() => liveFeeds()).toBe(0);
	});

	it('answers a long poll with the change that ends it', async () => {
		const cookie = await signIn('ann', 'ann password');
		const since = ((await call('GET', '/tf-ws-a', { cookie })).body as { update_seq: number })
			.update_seq;
		const poll = call('GET', `/tf-ws-a/_changes?feed=longpoll&since=${since}&timeout=5000`, {
			cookie
		});
		await new Promise((r) => setTimeout(r, 100));
		await call('PUT', '/tf-ws-a/_local/checkpoint-x', { cookie }, { last_seq: 1 });
		await call('POST', '/tf-ws-a/_bulk_docs', asAdmin, { docs: [{ _id: '_design/other' }] });
		const res = await poll;
		expect(res.body).toMatchObject({ results: [{ id: '_design/other' }] });
	});
});
