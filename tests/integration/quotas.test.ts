/**
 * Quotas, on a server of their own with small limits: an account owns at most
 * MAX_WORKSPACES_PER_ACCOUNT workspaces, and a workspace over MAX_WORKSPACE_MB refuses
 * writes that add to it (507, with a sentence) while deletions still pass.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server';
import { attachmentDoc, newTask } from './helpers';
import { userWithWorkspace } from './own-server';

describe('quotas', () => {
	let server: AppServer | null = null;
	afterAll(() => server?.stop());

	it('limits the workspaces one account owns, and the room one workspace takes', async () => {
		server = await startAppServer({
			prefix: 'taskflow-quota-',
			env: { MAX_WORKSPACES_PER_ACCOUNT: '2', MAX_WORKSPACE_MB: '1' }
		});
		const s = server;
		const { name, auth, ws } = await userWithWorkspace(s, 'qu', 'Quota one');
		const headers = { authorization: auth, 'content-type': 'application/json' };
		const create = (n: string) =>
			fetch(`${s.baseUrl}/api/workspaces`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ name: n })
			});
		expect((await create('Quota two')).status).toBe(201);
		const third = await create('Quota three');
		expect(third.status).toBe(403);
		expect(((await third.json()) as { reason: string }).reason).toMatch(
			/MAX_WORKSPACES_PER_ACCOUNT/
		);

		const put = (doc: Record<string, unknown> & { _id: string }) =>
			fetch(`${s.baseUrl}/db/${ws.db}/${encodeURIComponent(doc._id)}`, {
				method: 'PUT',
				headers,
				body: JSON.stringify(doc)
			});
		const task = newTask(name);
		expect((await put(task)).status).toBe(201);
		const photo = attachmentDoc(name, task._id, randomBytes(1_500_000));
		const stored = await put(photo);
		expect(stored.status).toBe(201);
		const rev = ((await stored.json()) as { rev: string }).rev;
		// Sizes are read every few seconds: the next writes are refused once it is seen full.
		let refused: Response | null = null;
		for (let i = 0; i < 40 && !refused; i++) {
			const res = await put(newTask(name));
			if (res.status === 507) refused = res;
			else await new Promise((r) => setTimeout(r, 500));
		}
		expect(refused?.status).toBe(507);
		expect(((await refused!.json()) as { reason: string }).reason).toMatch(/MAX_WORKSPACE_MB/);
		const del = await fetch(
			`${s.baseUrl}/db/${ws.db}/${encodeURIComponent(photo._id)}?rev=${rev}`,
			{
				method: 'DELETE',
				headers
			}
		);
		expect(del.status).toBe(200);
	});
});
