/**
 * First start provisions; every later start must change nothing: same admin credentials,
 * same design documents (not even a new revision), same _security, setup still done,
 * users and workspaces intact. Runs its own server twice on one DATA_DIR (and, with
 * COUCHDB_URL, against the same CouchDB).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serverAccess, startAppServer, type AppServer } from '../support/app-server';
import { basic } from './helpers';
import { userWithWorkspace } from './own-server';

async function json<T>(res: Promise<Response>): Promise<T> {
	const r = await res;
	if (!r.ok) throw new Error(`${r.url}: ${r.status} ${await r.text()}`);
	return (await r.json()) as T;
}

describe('restarting the server', () => {
	let server: AppServer | null = null;
	afterAll(() => server?.stop());

	it('changes nothing the first start provisioned', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'taskflow-restart-'));
		server = await startAppServer({ dataDir });
		const { admin } = await serverAccess(server);
		const asAdmin = { authorization: basic(admin.user, admin.password) };

		// A user (created as an operator would, with admin rights) creates a workspace.
		const { name, password, auth, ws } = await userWithWorkspace(server, 'rs', 'Restart check');
		const asUser = { authorization: auth, 'content-type': 'application/json' };

		const snapshot = async (s: AppServer) => {
			const { couchUrl: url } = await serverAccess(s);
			return {
				setup: await json(fetch(`${s.baseUrl}/api/setup`)),
				ddoc: (
					await json<{ _rev: string }>(
						fetch(`${url}/${ws.db}/_design/taskflow`, { headers: asAdmin })
					)
				)._rev,
				security: await json(fetch(`${url}/${ws.db}/_security`, { headers: asAdmin })),
				credentials: s.embedded
					? await readFile(path.join(dataDir, 'admin-credentials.json'), 'utf8')
					: null,
				sessionSecret: s.embedded
					? await readFile(path.join(dataDir, 'session-secret'), 'utf8')
					: null
			};
		};
		const before = await snapshot(server);
		// A browser's session cookie from before the restart.
		const login = await fetch(`${server.baseUrl}/db/_session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name, password })
		});
		const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
		expect(cookie).toMatch(/^AuthSession=/);

		await server.stop({ keepData: true });
		server = await startAppServer({ dataDir });
		expect(await snapshot(server)).toEqual(before);

		// The user and their workspace survived, and the user can still sign in and use it.
		const me = await json<{ workspaces: { id: string }[] }>(
			fetch(`${server.baseUrl}/api/me`, { headers: asUser })
		);
		expect(me.workspaces.map((w) => w.id)).toContain(ws.id);
		const info = await fetch(`${server.baseUrl}/db/${ws.db}`, { headers: asUser });
		expect(info.status).toBe(200);

		// Nobody is signed out by a restart: the old cookie still identifies the user.
		const session = await json<{ userCtx: { name: string | null } }>(
			fetch(`${server.baseUrl}/db/_session`, { headers: { cookie } })
		);
		expect(session.userCtx.name).toBe(name);
	});
});
