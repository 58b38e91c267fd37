import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createUser, door, login, newTask, ownerWithWorkspace, uniqueName } from './helpers';

type Doc = Record<string, unknown> & { _id: string; _rev?: string };

let dir = '';
let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
const member = { name: uniqueName('sync'), cookie: '' };
const cleanups: (() => Promise<unknown> | void)[] = [];

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'taskflow-sync-'));
	owner = await ownerWithWorkspace('sync-own');
	const password = await createUser(member.name, [`ws.${owner.ws.id}.member`]);
	member.cookie = await login(member.name, password);
});

afterAll(async () => {
	for (const c of cleanups.reverse()) await c();
	await rm(dir, { recursive: true, force: true });
});

/** A device: a local database live-syncing with the workspace through the door. */
function device(label: string, cookie: string) {
	const local = new PouchDB(path.join(dir, label));
	const remote = new PouchDB(door(`/${owner.ws.db}`), {
		skip_setup: true,
		fetch: (url: string | Request, opts?: RequestInit) => {
			const headers = new Headers(opts?.headers);
			headers.set('cookie', cookie);
			return PouchDB.fetch(url, { ...opts, headers });
		}
	});
	const sync = local.sync(remote, { live: true, retry: true });
	const errors: unknown[] = [];
	// Replication objects are thenables; `on` returns the same object, not a new promise.
	void sync.on('error', (e) => errors.push(e));
	void sync.on('denied', (e) => errors.push(e));
	cleanups.push(
		() => local.close(),
		() => remote.close(),
		() => sync.cancel()
	);
	return { local, errors };
}

/** id → winning rev of every document. */
async function snapshot(db: PouchDB.Database): Promise<Map<string, string>> {
	const res = await db.allDocs();
	return new Map(
		res.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => [r.id, r.value.rev])
	);
}

/** Waits until both sides hold the same revisions and stay that way for a while. */
async function converged(a: PouchDB.Database, b: PouchDB.Database, expected: number) {
	const until = Date.now() + 20_000;
	let quietSince = 0;
	while (Date.now() < until) {
		const [sa, sb] = await Promise.all([snapshot(a), snapshot(b)]);
		const same = sa.size === expected && JSON.stringify([...sa]) === JSON.stringify([...sb]);
		if (!same) quietSince = 0;
		else if (!quietSince) quietSince = Date.now();
		else if (Date.now() - quietSince > 750) return sa;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('devices did not converge within 20 s');
}

describe('live sync through the door', () => {
	it('converges two members editing on two devices', async () => {
		const a = device('a', owner.cookie);
		const b = device('b', member.cookie);
		const fromA = Array.from({ length: 5 }, (_, i) => newTask(owner.name, `from a ${i}`));
		const fromB = Array.from({ length: 5 }, (_, i) => newTask(member.name, `from b ${i}`));
		await Promise.all([a.local.bulkDocs(fromA), b.local.bulkDocs(fromB)]);
		await converged(a.local, b.local, 10);

		// Both edit the same task while connected: the conflict resolves to one winner everywhere.
		const shared = (await a.local.get(fromA[0]!._id)) as Doc;
		await a.local.put({ ...shared, title: 'edited on a', updatedAt: new Date().toISOString() });
		await b.local.put({ ...shared, title: 'edited on b', updatedAt: new Date().toISOString() });
		const final = await converged(a.local, b.local, 10);
		const onA = (await a.local.get(shared._id)) as Doc;
		const onB = (await b.local.get(shared._id)) as Doc;
		expect(onA._rev).toBe(final.get(shared._id));
		expect(onA.title).toBe(onB.title);
		expect(['edited on a', 'edited on b']).toContain(onA.title);
		expect(a.errors).toEqual([]);
		expect(b.errors).toEqual([]);
	});

	it('stores replicated updates (_bulk_docs with new_edits:false and _revisions)', async () => {
		const task = newTask(member.name);
		const url = door(`/${owner.ws.db}/${task._id}`);
		const created = (await (
			await as(member.cookie, url, { method: 'PUT', json: task })
		).json()) as {
			rev: string;
		};
		const parent = created.rev.split('-')[1]!;
		const child = 'c'.repeat(32);
		const res = await as(member.cookie, door(`/${owner.ws.db}/_bulk_docs`), {
			method: 'POST',
			json: {
				new_edits: false,
				docs: [
					{
						...task,
						title: 'edited offline',
						_rev: `2-${child}`,
						_revisions: { start: 2, ids: [child, parent] }
					}
				]
			}
		});
		expect(res.status).toBe(201);
		const stored = (await (await as(member.cookie, url)).json()) as Doc;
		expect(stored._rev).toBe(`2-${child}`);
		expect(stored.title).toBe('edited offline');
	});
});
