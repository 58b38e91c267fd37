/**
 * First-run setup and the accounts API around it. Setup happens once per installation, so
 * the setup flow runs on a server of its own with a registry database of its own
 * (TASKFLOW_REGISTRY_DB): on the embedded default and on a shared CouchDB alike, it starts
 * from "needs setup". Input checks run against the shared server.
 */
import { randomBytes } from 'node:crypto';
import { defaultPrefs } from '../../src/lib/domain/schemas/prefs.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server';
import { as, baseUrl, newTask, uniqueName } from './helpers';

const api = (path: string) => `${baseUrl()}/api${path}`;

describe('first-run setup', () => {
	let server: AppServer;
	const own = (path: string) => `${server.baseUrl}${path}`;
	const owner = { name: uniqueName('owner'), password: 'correct horse battery' };
	let cookie = '';
	let firstWs: { id: string; name: string; role: string; db: string };

	beforeAll(async () => {
		const registry = `tf-registry-${randomBytes(6).toString('hex')}`;
		server = await startAppServer({
			prefix: 'taskflow-setup-',
			env: { TASKFLOW_REGISTRY_DB: registry }
		});
	});
	afterAll(() => server?.stop());

	it('creates the owner and first workspace once, then answers 409', async () => {
		expect(await (await fetch(own('/api/setup'))).json()).toEqual({ needsSetup: true });
		const res = await as(null, own('/api/setup'), {
			method: 'POST',
			json: { ...owner, workspaceName: 'Field crew' }
		});
		expect(res.status).toBe(201);
		const body = (await res.json()) as { name: string; workspace: typeof firstWs; userDb: string };
		expect(body.name).toBe(owner.name);
		expect(body.workspace).toMatchObject({ name: 'Field crew', role: 'owner' });
		expect(body.workspace.db).toBe(`tf-ws-${body.workspace.id}`);
		expect(body.userDb).toMatch(/^tf-user-[0-9a-f]+$/);
		firstWs = body.workspace;
		expect(await (await fetch(own('/api/setup'))).json()).toEqual({ needsSetup: false });
		const again = await as(null, own('/api/setup'), {
			method: 'POST',
			json: { name: uniqueName('late'), password: 'long enough pw', workspaceName: 'X' }
		});
		expect(again.status).toBe(409);
	});

	it('signs the owner in through /db/_session and describes them at /api/me', async () => {
		const login = await as(null, own('/db/_session'), { method: 'POST', json: owner });
		expect(login.status).toBe(200);
		cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
		const me = await as(cookie, own('/api/me'));
		expect(me.status).toBe(200);
		const body = (await me.json()) as { name: string; owner: boolean; workspaces: unknown[] };
		expect(body.name).toBe(owner.name);
		expect(body.owner).toBe(true);
		expect(body.workspaces).toEqual([firstWs]);
	});

	it('lets the owner write to their workspace and private database', async () => {
		const task = newTask(owner.name);
		const put = await as(cookie, own(`/db/${firstWs.db}/${task._id}`), {
			method: 'PUT',
			json: task
		});
		expect(put.status, await put.clone().text()).toBe(201);
		const me = (await (await as(cookie, own('/api/me'))).json()) as { userDb: string };
		const prefs = await as(cookie, own(`/db/${me.userDb}/prefs`), {
			method: 'PUT',
			json: { ...defaultPrefs(owner.name, new Date().toISOString()), theme: 'dark' }
		});
		expect(prefs.status, await prefs.clone().text()).toBe(201);
	});

	it('creates more workspaces with the caller as owner', async () => {
		const res = await as(cookie, own('/api/workspaces'), {
			method: 'POST',
			json: { name: 'Second' }
		});
		expect(res.status).toBe(201);
		const ws = (await res.json()) as { id: string; name: string; role: string; db: string };
		expect(ws).toEqual({ id: ws.id, name: 'Second', role: 'owner', db: `tf-ws-${ws.id}` });
		const me = (await (await as(cookie, own('/api/me'))).json()) as { workspaces: unknown[] };
		expect(me.workspaces).toContainEqual(ws);
		expect(me.workspaces).toHaveLength(2);
		const bad = await as(cookie, own('/api/workspaces'), { method: 'POST', json: { name: '' } });
		expect(bad.status).toBe(400);
	});
});

describe('accounts API', () => {
	it('refuses invalid setup input with field errors', async () => {
		const res = await as(null, api('/setup'), {
			method: 'POST',
			json: { name: 'Bad Name!', password: 'short', workspaceName: '   ' }
		});
		expect(res.status).toBe(400);
		const body = (await res.json()) as { error: string; fields: Record<string, string> };
		expect(body.error).toBe('bad_request');
		expect(Object.keys(body.fields).sort()).toEqual(['name', 'password', 'workspaceName']);
		expect(body.fields.password).toMatch(/8/);

		const missing = await as(null, api('/setup'), { method: 'POST', json: {} });
		expect(missing.status).toBe(400);
		const notJson = await fetch(api('/setup'), { method: 'POST', body: 'name=x' });
		expect(notJson.status).toBe(415);
	});

	it('requires a session for /api/me and /api/workspaces', async () => {
		expect((await fetch(api('/me'))).status).toBe(401);
		const res = await as(null, api('/workspaces'), { method: 'POST', json: { name: 'x' } });
		expect(res.status).toBe(401);
		const forged = await as('AuthSession=Zm9vOjEyMzQ6YWJjZA', api('/me'));
		expect(forged.status).toBe(401);
	});

	it('limits JSON bodies to 64 KB and answers unknown routes with 404', async () => {
		const big = await as(null, api('/setup'), {
			method: 'POST',
			json: { name: 'x', password: 'y'.repeat(70_000), workspaceName: 'z' }
		});
		expect(big.status).toBe(413);
		expect((await fetch(api('/nope'))).status).toBe(404);
		expect((await fetch(api('/me'), { method: 'DELETE' })).status).toBe(405);
	});

	it('answers /healthz', async () => {
		const res = await fetch(`${baseUrl()}/healthz`);
		expect(await res.json()).toEqual({ ok: true });
	});
});
