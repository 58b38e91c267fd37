/**
 * The sync engine the app runs (SyncEngine), against the real server through the door: a
 * change the server refuses is listed with its document and reason, is not counted as
 * waiting to sync (the indicator can say it is caught up), and leaves the list once a fixed
 * version syncs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine, type SyncSnapshot } from '../../src/lib/db/sync-engine';
import type { Db } from '../../src/lib/db/pouch';
import { createUser, door, login, newTask, ownerWithWorkspace, uniqueName } from './helpers';
import { eventually } from './worker-fixtures';

let dir = '';
let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
const member = { name: uniqueName('engine'), cookie: '' };

// The engine listens for the browser's online/offline and visibility events.
const g = globalThis as Record<string, unknown>;
const saved = { addEventListener: g.addEventListener, removeEventListener: g.removeEventListener };

beforeAll(async () => {
	g.addEventListener ??= () => undefined;
	g.removeEventListener ??= () => undefined;
	g.document ??= { addEventListener: () => undefined, removeEventListener: () => undefined };
	if (!('navigator' in globalThis) || !('onLine' in (g.navigator as object))) {
		Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true });
	}
	dir = await mkdtemp(path.join(tmpdir(), 'taskflow-engine-'));
	owner = await ownerWithWorkspace('engine-own');
	const password = await createUser(member.name, [`ws.${owner.ws.id}.member`]);
	member.cookie = await login(member.name, password);
});

afterAll(async () => {
	Object.assign(g, saved);
	await rm(dir, { recursive: true, force: true });
});

function remoteFor(cookie: string): Db {
	return new PouchDB(door(`/${owner.ws.db}`), {
		skip_setup: true,
		fetch: (url: string | Request, opts?: RequestInit) => {
			const headers = new Headers(opts?.headers);
			headers.set('cookie', cookie);
			return PouchDB.fetch(url, { ...opts, headers });
		}
	});
}

describe('SyncEngine', () => {
	it('lists a refused change with its document and reason, not as pending, until it syncs', async () => {
		const local = new PouchDB(path.join(dir, 'device'));
		const states: SyncSnapshot[] = [];
		const engine = new SyncEngine(local, remoteFor(member.cookie), (s) => states.push(s), null);
		try {
			const good = newTask(member.name, 'Fine task');
			// Valid here only in shape: the server refuses a priority it does not know.
			const bad = { ...newTask(member.name, 'Odd task'), priority: 'extreme' };
			await local.bulkDocs([good, bad]);
			await engine.start();
			const caughtUp = await eventually(() => {
				const s = engine.state;
				return Promise.resolve(s.phase === 'idle' && s.denied.length === 1 ? s : null);
			});
			expect(caughtUp.denied[0]).toMatchObject({ id: bad._id });
			expect(caughtUp.denied[0]!.reason).toMatch(/priority/);
			expect(caughtUp.pending).toBe(0);

			// Fixed on the device, the change syncs and leaves the refused list.
			const odd = await local.get<Record<string, unknown>>(bad._id);
			await local.put({ ...odd, priority: 'high' });
			await eventually(() => Promise.resolve(engine.state.denied.length === 0 || null));
			const remote = remoteFor(member.cookie);
			expect(await remote.get(bad._id)).toMatchObject({ priority: 'high' });
		} finally {
			engine.stop();
			await local.close();
		}
	});
});
