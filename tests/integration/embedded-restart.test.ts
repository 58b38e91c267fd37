/**
 * The embedded database runs as a child of the app: killed outright (as a crash would),
 * it is started again on the same port, devices' next requests succeed, and nothing
 * stored is lost. Only the embedded default has such a child; with COUCHDB_URL the
 * database is the operator's to run, so this file checks what that setup documents
 * instead: the app never starts a child process of its own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server';
import { newTask } from './helpers';
import { userWithWorkspace } from './own-server';

describe('the embedded database process', () => {
	let server: AppServer | null = null;
	afterAll(() => server?.stop());

	it('is started again when it dies, with nothing lost', async () => {
		server = await startAppServer({ prefix: 'taskflow-child-' });
		const s = server;
		const { auth, ws } = await userWithWorkspace(s, 'ch', 'Child check');
		const headers = { authorization: auth, 'content-type': 'application/json' };
		const task = newTask(
			((await (await fetch(`${s.baseUrl}/api/me`, { headers })).json()) as { name: string }).name
		);
		const put = await fetch(`${s.baseUrl}/db/${ws.db}/${task._id}`, {
			method: 'PUT',
			headers,
			body: JSON.stringify(task)
		});
		expect(put.status).toBe(201);
		if (!s.embedded) {
			expect(s.log()).not.toMatch(/embedded database/);
			return;
		}
		const { pid } = JSON.parse(
			await readFile(path.join(s.dataDir, 'embedded-couch.json'), 'utf8')
		) as { pid: number };
		expect(pid).not.toBe(undefined);
		const killedAt = Date.now();
		process.kill(pid, 'SIGKILL');
		let back = 0;
		for (;;) {
			const res = await fetch(`${s.baseUrl}/db/${ws.db}/${task._id}`, { headers }).catch(
				() => null
			);
			if (res?.status === 200) {
				back = Date.now() - killedAt;
				break;
			}
			if (Date.now() - killedAt > 20_000) {
				throw new Error(`not back after 20 s\\n${s.log().slice(-3000)}`);
			}
			await new Promise((r) => setTimeout(r, 50));
		}
		console.log(`embedded database killed; requests answered again after ${back} ms`);
		expect(s.log()).toContain('embedded database exited; starting it again');
		expect(s.exited()).toBe(false);
		const ready = await fetch(`${s.baseUrl}/readyz`);
		expect(ready.status).toBe(200);
	});
});
