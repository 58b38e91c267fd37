/**
 * The attack suite: every way a client that skips the UI might try to read or write what it
 * must not, through the public port. Each attack is refused with the right status and leaves
 * nothing behind (checked with admin reads upstream). The observed statuses are printed at
 * the end: the embedded server says 401 where Apache CouchDB says 403 for non-members.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	as,
	baseUrl,
	createUser,
	door,
	login,
	newComment,
	newTask,
	newTimeEntry,
	ownerWithWorkspace,
	uniqueName,
	upstream
} from './helpers';

type Doc = Record<string, unknown> & { _id: string };
const DENIED = [401, 403];
const observed: [string, string][] = [];

let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
let other: Awaited<ReturnType<typeof ownerWithWorkspace>>;
const member = { name: uniqueName('atk-mem'), cookie: '' };
const member2 = { name: uniqueName('atk-mem2'), cookie: '' };
const viewer = { name: uniqueName('atk-view'), cookie: '' };

beforeAll(async () => {
	owner = await ownerWithWorkspace('atk-own');
	other = await ownerWithWorkspace('atk-other');
	for (const [u, role] of [
		[member, 'member'],
		[member2, 'member'],
		[viewer, 'viewer']
	] as const) {
		u.cookie = await login(u.name, await createUser(u.name, [`ws.${owner.ws.id}.${role}`]));
	}
});

afterAll(() => {
	const width = Math.max(...observed.map(([l]) => l.length));
	console.log(
		`attack → status\n${observed.map(([l, s]) => `${l.padEnd(width)}  ${s}`).join('\n')}`
	);
});

/** Makes the request, records its status under `label`, and checks it is one of `allowed`. */
async function attack(label: string, res: Promise<Response>, allowed = DENIED) {
	const r = await res;
	// A 201 from _bulk_docs is refusal per document: show which errors came back.
	const rows = r.status === 201 ? ((await r.clone().json()) as { error?: string }[]) : [];
	const errors = [...new Set(rows.map((row) => row.error ?? 'stored'))].join(', ');
	observed.push([label, errors ? `${r.status} (each doc: ${errors})` : String(r.status)]);
	expect(allowed, `${label}: ${await r.clone().text()}`).toContain(r.status);
	return r;
}

const db = (path = '') => door(`/${owner.ws.db}${path}`);
const put = (cookie: string | null, doc: Doc) =>
	as(cookie, db(`/${encodeURIComponent(doc._id)}`), { method: 'PUT', json: doc });
const bulk = (cookie: string | null, docs: Doc[], newEdits = true) =>
	as(cookie, db('/_bulk_docs'), { method: 'POST', json: { docs, new_edits: newEdits } });

/** The stored document upstream (admin read), or null. */
async function stored(id: string, dbName = owner.ws.db): Promise<Doc | null> {
	const res = await upstream(`/${dbName}/${encodeURIComponent(id)}?conflicts=true`);
	return res.status === 404 ? null : ((await res.json()) as Doc);
}

/** A document written by `cookie`'s user, returned with its new `_rev`. */
async function created(cookie: string, doc: Doc): Promise<Doc> {
	const res = await put(cookie, doc);
	expect(res.status).toBe(201);
	return { ...doc, _rev: ((await res.json()) as { rev: string }).rev };
}

/**
 * Whether a `_bulk_docs` answer refused everything: CouchDB answers 401/403 for the whole
 * request when the caller is not a member; the embedded server answers 201 with an error per
 * document. Either way, nothing may have been written.
 */
async function bulkRefused(res: Response): Promise<boolean> {
	if (DENIED.includes(res.status)) return true;
	const rows = (await res.json()) as { error?: string }[];
	return rows.every((r) => r.error === 'forbidden' || r.error === 'unauthorized');
}
const BULK = [201, ...DENIED];

describe('attacks', () => {
	it('anonymous: cannot read or write a workspace', async () => {
		const task = newTask('nobody');
		await attack('anonymous GET _all_docs', as(null, db('/_all_docs')));
		await attack('anonymous GET _changes', as(null, db('/_changes')));
		await attack('anonymous PUT task', put(null, task));
		expect(
			await bulkRefused(await attack('anonymous POST _bulk_docs', bulk(null, [task]), BULK))
		).toBe(true);
		expect(await stored(task._id)).toBeNull();
	});

	it('a user of another workspace: cannot read or write this one', async () => {
		const task = newTask(other.name);
		await attack('other workspace GET _all_docs', as(other.cookie, db('/_all_docs')));
		await attack('other workspace GET doc', as(other.cookie, db('/_design/taskflow')));
		await attack('other workspace PUT task', put(other.cookie, task));
		const r = await attack('other workspace POST _bulk_docs', bulk(other.cookie, [task]), BULK);
		expect(await bulkRefused(r)).toBe(true);
		await attack(
			'other workspace GET members',
			as(other.cookie, `${baseUrl()}/api/workspaces/${owner.ws.id}/members`),
			[404]
		);
		expect(await stored(task._id)).toBeNull();
	});

	it('a viewer: reads, but writes nothing', async () => {
		const mine = await created(member.cookie, newTask(member.name));
		const task = newTask(viewer.name);
		await attack('viewer GET _all_docs (allowed)', as(viewer.cookie, db('/_all_docs')), [200]);
		await attack('viewer PUT task', put(viewer.cookie, task));
		await attack('viewer edit task', put(viewer.cookie, { ...mine, title: 'Viewer was here' }));
		await attack(
			'viewer DELETE task',
			as(viewer.cookie, db(`/${mine._id}?rev=${mine._rev as string}`), { method: 'DELETE' })
		);
		const r = await attack('viewer POST _bulk_docs', bulk(viewer.cookie, [task]), BULK);
		expect(await bulkRefused(r)).toBe(true);
		await attack(
			'viewer creates invite',
			as(viewer.cookie, `${baseUrl()}/api/workspaces/${owner.ws.id}/invites`, {
				method: 'POST',
				json: { role: 'admin', hours: 24 }
			}),
			[403]
		);
		expect(await stored(task._id)).toBeNull();
		expect((await stored(mine._id))?.title).toBe(mine.title);
		expect((await stored(mine._id))?._rev).toBe(mine._rev);
	});

	it('a member forging createdBy: refused on create and on update', async () => {
		const forged = newTask(owner.name);
		await attack('member forges createdBy on create', put(member.cookie, forged), [403]);
		const mine = await created(member.cookie, newTask(member.name));
		await attack(
			'member rewrites createdBy on update',
			put(member.cookie, { ...mine, createdBy: owner.name }),
			[403]
		);
		expect(await stored(forged._id)).toBeNull();
		expect((await stored(mine._id))?.createdBy).toBe(member.name);
	});

	it("a member editing someone else's comment or time entry", async () => {
		const task = await created(member.cookie, newTask(member.name));
		const comment = await created(member.cookie, newComment(member.name, task._id));
		const entry = await created(member.cookie, newTimeEntry(member.name, task._id));
		const del = (d: Doc) =>
			as(member2.cookie, db(`/${encodeURIComponent(d._id)}?rev=${d._rev as string}`), {
				method: 'DELETE'
			});
		await attack(
			'member edits another comment',
			put(member2.cookie, { ...comment, body: 'x' }),
			[403]
		);
		await attack('member deletes another comment', del(comment), [403]);
		await attack(
			'member edits another time entry',
			put(member2.cookie, { ...entry, minutes: 999 }),
			[403]
		);
		await attack('member deletes another time entry', del(entry), [403]);
		await attack(
			'member takes over a time entry',
			put(member2.cookie, { ...entry, user: member2.name }),
			[403]
		);
		const forgedEntry = newTimeEntry(member.name, task._id);
		forgedEntry.createdBy = member2.name;
		await attack('member logs time for someone else', put(member2.cookie, forgedEntry), [403]);
		expect(await stored(comment._id)).toMatchObject({ body: comment.body, _rev: comment._rev });
		expect(await stored(entry._id)).toMatchObject({ minutes: entry.minutes, _rev: entry._rev });
		expect(await stored(forgedEntry._id)).toBeNull();
	});

	it('a user changing their own roles', async () => {
		const id = `org.couchdb.user:${member.name}`;
		const before = (await (await upstream(`/_users/${id}`)).json()) as Doc;
		const admin = [`ws.${owner.ws.id}.admin`];
		const url = door(`/_users/${id}`);
		await attack(
			'user PUT own _users doc',
			as(member.cookie, url, { method: 'PUT', json: { ...before, roles: admin } }),
			[403]
		);
		await attack(
			'user POST _users/_bulk_docs',
			as(member.cookie, door('/_users/_bulk_docs'), {
				method: 'POST',
				json: { docs: [{ ...before, roles: admin }] }
			}),
			[403]
		);
		await attack(
			'user PUT workspace _security',
			as(member.cookie, db('/_security'), {
				method: 'PUT',
				json: { members: { names: [member.name] } }
			}),
			[403]
		);
		await attack(
			'member promotes self via API',
			as(member.cookie, `${baseUrl()}/api/workspaces/${owner.ws.id}/members/${member.name}`, {
				method: 'PUT',
				json: { role: 'admin' }
			}),
			[403]
		);
		const after = (await (await upstream(`/_users/${id}`)).json()) as Doc;
		expect(after.roles).toEqual(before.roles);
		expect(after._rev).toBe(before._rev);
	});

	it('a user reading _users, _all_dbs, _config or another account', async () => {
		await attack('user GET _users/_all_docs', as(member.cookie, door('/_users/_all_docs')), [403]);
		await attack('user GET _all_dbs', as(member.cookie, door('/_all_dbs')), [403]);
		await attack('user GET _config', as(member.cookie, door('/_config')), [403]);
		await attack(
			'user GET _node/_local/_config',
			as(member.cookie, door('/_node/_local/_config')),
			[403]
		);
		await attack(
			"user GET another user's _users doc",
			as(member.cookie, door(`/_users/org.couchdb.user:${owner.name}`)),
			[401, 403, 404]
		);
		await attack('user GET tf-registry', as(member.cookie, door('/tf-registry/_all_docs')), [403]);
	});

	it('a user creating or deleting databases', async () => {
		const fresh = `tf-ws-${'0'.repeat(24)}zz`;
		await attack(
			'user PUT new workspace db',
			as(member.cookie, door(`/${fresh}`), { method: 'PUT' }),
			[403]
		);
		await attack(
			'user PUT arbitrary db',
			as(member.cookie, door('/evil'), { method: 'PUT' }),
			[403]
		);
		await attack('user DELETE workspace db', as(member.cookie, db(), { method: 'DELETE' }), [403]);
		await attack(
			'admin-of-other DELETE this db',
			as(other.cookie, db(), { method: 'DELETE' }),
			[403]
		);
		expect((await upstream(`/${fresh}`)).status).toBe(404);
		expect((await upstream(`/${owner.ws.db}`)).status).toBe(200);
	});

	it('replication (new_edits:false) carrying forbidden documents', async () => {
		const rev = (n: string) => `1-${n.repeat(32)}`;
		const task = await created(member.cookie, newTask(member.name));
		const comment = await created(member.cookie, newComment(member.name, task._id));
		const forged = { ...newTask(owner.name), _rev: rev('a') } as Doc;
		const fromViewer = { ...newTask(viewer.name), _rev: rev('b') } as Doc;
		const [n, h] = (comment._rev as string).split('-') as [string, string];
		const hijack = {
			...comment,
			body: 'rewritten by replication',
			_rev: `${Number(n) + 1}-${'c'.repeat(32)}`,
			_revisions: { start: Number(n) + 1, ids: ['c'.repeat(32), h] }
		} as Doc;
		const branch = { ...comment, body: 'conflicting branch', _rev: rev('d') } as Doc;
		const r1 = await attack(
			'replicated forged createdBy + hijacked comment',
			bulk(member2.cookie, [forged, hijack, branch], false),
			[201]
		);
		expect(await bulkRefused(r1)).toBe(true);
		const r2 = await attack(
			'replicated doc from a viewer',
			bulk(viewer.cookie, [fromViewer], false),
			[201, 401, 403]
		);
		if (r2.status === 201) expect(await bulkRefused(r2)).toBe(true);
		expect(await stored(forged._id)).toBeNull();
		expect(await stored(fromViewer._id)).toBeNull();
		const now = await stored(comment._id);
		expect(now).toMatchObject({ body: comment.body, _rev: comment._rev });
		expect(now?._conflicts).toBeUndefined();
	});
});
