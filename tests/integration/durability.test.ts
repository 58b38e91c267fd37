/**
 * Faults that must not lose or duplicate anything: the server killed with SIGKILL in the
 * middle of a large sync, and a device coming back after 1,000 edits made offline.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TaskId } from '../../src/lib/domain/ids';
import { ranksAfter } from '../../src/lib/domain/rank';
import { createTask } from '../../src/lib/domain/task-ops';
import { serverAccess, startAppServer, type AppServer } from '../support/app-server';
import { basic, door, ownerWithWorkspace } from './helpers';
import { userWithWorkspace } from './own-server';
import { newReplica, remoteDb, syncUntilQuiet } from './replicas';

const PROJECT = 'project:01JDRBK0000000000000000000' as const;

async function taskDocs(db: PouchDB.Database): Promise<Map<string, string>> {
	const res = await db.allDocs({ startkey: 'task:', endkey: 'task:\ufff0', include_docs: true });
	return new Map(res.rows.map((r) => [r.id, JSON.stringify('doc' in r ? r.doc : null)]));
}

describe('durability', () => {
	let server: AppServer | null = null;
	afterAll(() => server?.stop());

	it('survives the server being killed mid-sync: nothing lost, nothing doubled', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'taskflow-kill-'));
		server = await startAppServer({ dataDir });
		const { couchUrl, admin } = await serverAccess(server);
		const { name, password, ws } = await userWithWorkspace(server, 'kill', 'Kill drill');

		// 2,000 tasks on a device, pushed while the server is killed partway through.
		const device = newReplica(name, 'killer');
		const ranks = ranksAfter(null, 2000);
		const now = new Date().toISOString();
		await device.db.bulkDocs(
			ranks.map((rank, i) =>
				createTask(
					{ project: PROJECT, title: `Bulk task ${i}`, rank },
					{ user: name, now, stamp: `0${i.toString(36).padStart(8, '0')}-0000-killer` }
				)
			)
		);
		const remote = () => remoteDb(`${server!.baseUrl}/db/${ws.db}`, name, password);
		const push = device.db.replicate.to(remote(), { batch_size: 50 });
		push.catch(() => undefined);
		const upstreamCount = async () => {
			const r = await fetch(`${couchUrl}/${ws.db}`, {
				headers: { authorization: basic(admin.user, admin.password) }
			});
			return ((await r.json()) as { doc_count: number }).doc_count;
		};
		const deadline = Date.now() + 60_000;
		let count = 0;
		while ((count = await upstreamCount().catch(() => 0)) < 300) {
			if (Date.now() > deadline) throw new Error('the push never got going');
			await new Promise((r) => setTimeout(r, 20));
		}
		// Killed in the middle: some of the documents are on the server, not all.
		expect(count).toBeLessThan(2000);
		await server.crash();
		await push.catch(() => undefined);

		server = await startAppServer({ dataDir });
		const after = await serverAccess(server);
		expect(after.admin).toEqual(admin);
		await syncUntilQuiet([device], remote());
		const other = newReplica(name, 'checker');
		await syncUntilQuiet([other], remote());
		const sent = await taskDocs(device.db);
		const received = await taskDocs(other.db);
		expect(sent.size).toBe(2000);
		expect(received).toEqual(sent);
	}, 180_000);

	it('converges after a device made 1,000 edits offline while others edited too', async () => {
		const owner = await ownerWithWorkspace('offline');
		const remote = remoteDb(door(`/${owner.ws.db}`), owner.name, owner.password);
		const away = newReplica(owner.name, 'away');
		const home = newReplica(owner.name, 'home');
		const ids: TaskId[] = [];
		for (let i = 0; i < 20; i++) {
			ids.push(
				(await home.tasks.create({ project: PROJECT, title: `Field task ${i}`, rank: 'a0' }))
					._id as TaskId
			);
		}
		await syncUntilQuiet([home, away], remote);

		const priorities = ['low', 'medium', 'high', 'urgent'] as const;
		for (let i = 0; i < 1000; i++) {
			await away.tasks.update(
				ids[i % 20]!,
				i % 2 ? { priority: priorities[i % 4]! } : { title: `Offline edit ${i}` }
			);
		}
		for (let i = 0; i < 20; i += 2) await home.tasks.update(ids[i]!, { status: 'in_progress' });
		await syncUntilQuiet([home], remote);

		await syncUntilQuiet([away, home], remote);
		const a = await taskDocs(away.db);
		expect(await taskDocs(home.db)).toEqual(a);
		for (const doc of a.values()) expect(JSON.parse(doc)).not.toHaveProperty('_conflicts');
		const t0 = JSON.parse(a.get(ids[0]!)!) as { title: string; status: string };
		expect(t0.title).toBe('Offline edit 980');
		expect(t0.status).toBe('in_progress');
	}, 180_000);
});
