/**
 * The attack suite: every way a client that skips the UI might read or write what it must
 * not, through the public port, as anonymous, an outsider with an account, a viewer, a
 * member, a member of another workspace and an admin. Each attempt must be refused and
 * leave nothing behind (checked with admin reads upstream); the server must keep serving.
 * The suite passes unchanged against Apache CouchDB (COUCHDB_URL) and prints how many
 * attempts were refused and with which statuses.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src/lib/domain/attachments';
import {
	as,
	attachmentDoc,
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
const DENIED = [401, 403, 404, 405];
const observed: [string, string][] = [];

let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
let other: Awaited<ReturnType<typeof ownerWithWorkspace>>;
const member = { name: uniqueName('atk-mem'), cookie: '' };
const member2 = { name: uniqueName('atk-mem2'), cookie: '' };
const viewer = { name: uniqueName('atk-view'), cookie: '' };
const outsider = { name: uniqueName('atk-out'), cookie: '', db: '' };

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
	outsider.cookie = await login(outsider.name, await createUser(outsider.name));
	const name = Buffer.from(outsider.name).toString('hex');
	outsider.db = `tf-user-${name}`;
	// Outsiders have a private database of their own (as every account made by the app).
	await upstream(`/${outsider.db}`, { method: 'PUT' });
	await upstream(`/${outsider.db}/_security`, {
		method: 'PUT',
		body: JSON.stringify({
			admins: { names: [], roles: ['_admin'] },
			members: { names: [outsider.name], roles: [] }
		})
	});
});

afterAll(() => {
	const width = Math.max(...observed.map(([l]) => l.length));
	const statuses = new Map<string, number>();
	for (const [, s] of observed) statuses.set(s, (statuses.get(s) ?? 0) + 1);
	console.log(
		`attack suite: ${observed.length} attempts (${[...statuses]
			.map(([s, n]) => `${n}× ${s}`)
			.join(', ')})\n${observed.map(([l, s]) => `${l.padEnd(width)}  ${s}`).join('\n')}`
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
const put = (cookie: string | null, doc: Doc, url = db(`/${encodeURIComponent(doc._id)}`)) =>
	as(cookie, url, { method: 'PUT', json: doc });
const bulk = (cookie: string | null, docs: unknown[], newEdits = true, dbName = owner.ws.db) =>
	as(cookie, door(`/${dbName}/_bulk_docs`), {
		method: 'POST',
		json: { docs, new_edits: newEdits }
	});

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
 * Whether a `_bulk_docs` answer refused everything: the door or CouchDB refuse the whole
 * request, or the database answers with an error per document. Either way, nothing stored.
 */
async function bulkRefused(res: Response): Promise<boolean> {
	if (DENIED.includes(res.status) || res.status === 400) return true;
	const rows = (await res.json()) as { error?: string }[];
	return rows.every((r) => r.error === 'forbidden' || r.error === 'unauthorized');
}
const BULK = [201, 400, ...DENIED];

/** The server still answers and still takes a member's write. */
async function expectStillServing() {
	expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200);
	const res = await put(member.cookie, newTask(member.name, 'still serving'));
	expect(res.status).toBe(201);
}

/** A request with the path sent verbatim (fetch would normalise `..` and encodings). */
function raw(method: string, path: string, headers: Record<string, string>, body?: string) {
	const u = new URL(baseUrl());
	return new Promise<Response>((resolve, reject) => {
		const req = http.request({ host: u.hostname, port: u.port, method, path, headers }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (c: string) => (text += c));
			res.on('end', () => resolve(new Response(text || null, { status: res.statusCode ?? 0 })));
		});
		req.on('error', reject);
		req.end(body);
	});
}

const securityUpstream = async (dbName = owner.ws.db) =>
	JSON.stringify(await (await upstream(`/${dbName}/_security`)).json());

describe('attacks: security objects, design documents and code', () => {
	it('nobody rewrites or deletes a security object, by any path or encoding', async () => {
		const before = await securityUpstream();
		const ownBefore = await securityUpstream(outsider.db);
		const takeover = {
			admins: { names: [viewer.name], roles: [] },
			members: { names: [], roles: [] }
		};
		for (const [who, cookie] of [
			['viewer', viewer.cookie],
			['member', member.cookie],
			['owner', owner.cookie],
			['other workspace', other.cookie],
			['anonymous', null]
		] as const) {
			for (const path of [
				'/_security',
				'/_local/_security',
				'/_local%2F_security',
				'/%5Flocal/%5Fsecurity'
			]) {
				await attack(
					`${who} PUT ${path}`,
					as(cookie, db(path), { method: 'PUT', json: { security: takeover, ...takeover } })
				);
			}
			await attack(
				`${who} DELETE _local/_security`,
				as(cookie, db('/_local/_security?rev=0-1'), { method: 'DELETE' })
			);
			await attack(`${who} GET _security`, as(cookie, db('/_security')));
			await attack(`${who} GET _local/_security`, as(cookie, db('/_local/_security')));
			const viaBody = put(
				cookie,
				{ _id: '_local/_security', security: takeover },
				db('/task:evil')
			);
			await attack(`${who} PUT task with _id _local/_security`, viaBody, [400, ...DENIED]);
			const r = await attack(
				`${who} _bulk_docs with _local/_security`,
				bulk(cookie, [{ _id: '_local/_security', security: takeover }]),
				BULK
			);
			expect(await bulkRefused(r)).toBe(true);
		}
		// An outsider on their own private database.
		const mine = (p: string) => door(`/${outsider.db}${p}`);
		await attack(
			'outsider PUT own _security',
			as(outsider.cookie, mine('/_security'), { method: 'PUT', json: takeover })
		);
		await attack(
			'outsider PUT own _local/_security',
			as(outsider.cookie, mine('/_local/_security'), { method: 'PUT', json: { security: {} } })
		);
		expect(await securityUpstream()).toBe(before);
		expect(await securityUpstream(outsider.db)).toBe(ownBefore);
	});

	it('nobody writes a design document, through any endpoint', async () => {
		const evil = {
			_id: '_design/evil',
			views: {
				x: { map: 'function () { require("fs").readFileSync("admin-credentials.json"); }' }
			},
			validate_doc_update: 'function () {}'
		};
		for (const [who, cookie] of [
			['member', member.cookie],
			['owner (workspace admin)', owner.cookie],
			['viewer', viewer.cookie],
			['anonymous', null]
		] as const) {
			await attack(`${who} PUT _design/evil`, put(cookie, evil, db('/_design/evil')));
			await attack(`${who} PUT _design%2Fevil`, put(cookie, evil, db('/_design%2Fevil')));
			await attack(
				`${who} PUT _design/taskflow`,
				put(cookie, { ...evil, _id: '_design/taskflow' }, db('/_design/taskflow'))
			);
			const r = await attack(`${who} _bulk_docs _design/evil`, bulk(cookie, [evil]), BULK);
			expect(await bulkRefused(r)).toBe(true);
			const r2 = await attack(
				`${who} replicated _design/evil`,
				bulk(cookie, [{ ...evil, _rev: '1-abc' }], false),
				BULK
			);
			expect(await bulkRefused(r2)).toBe(true);
			await attack(
				`${who} DELETE _design/taskflow`,
				as(cookie, db('/_design/taskflow?rev=1-x'), { method: 'DELETE' })
			);
			await attack(
				`${who} POST _index`,
				as(cookie, db('/_index'), {
					method: 'POST',
					json: { index: { fields: ['type'] }, ddoc: 'taskflow' }
				})
			);
		}
		await attack(
			'outsider _design in own database',
			put(outsider.cookie, evil, door(`/${outsider.db}/_design/evil`))
		);
		expect(await stored('_design/evil')).toBeNull();
		expect(await stored('_design/evil', outsider.db)).toBeNull();
		const ddoc = await stored('_design/taskflow');
		expect(JSON.stringify(ddoc)).not.toContain('readFileSync');
	});
});

describe('attacks: anonymous and outsiders', () => {
	it('anonymous reads nothing: not a workspace, not a private database, not a file', async () => {
		const task = await created(member.cookie, newTask(member.name));
		const file = await created(
			member.cookie,
			attachmentDoc(member.name, task._id, Buffer.from('hi'))
		);
		for (const dbName of [owner.ws.db, outsider.db]) {
			const p = (x: string) => door(`/${dbName}${x}`);
			await attack(`anonymous GET ${dbName.slice(0, 7)} info`, as(null, p('')));
			await attack('anonymous GET _all_docs', as(null, p('/_all_docs?include_docs=true')));
			await attack('anonymous GET _changes', as(null, p('/_changes?include_docs=true')));
			await attack(
				'anonymous POST _find',
				as(null, p('/_find'), { method: 'POST', json: { selector: {} } })
			);
			await attack(
				'anonymous POST _explain',
				as(null, p('/_explain'), { method: 'POST', json: { selector: {} } })
			);
			await attack('anonymous GET _index', as(null, p('/_index')));
			await attack(
				'anonymous POST _bulk_get attachments',
				as(null, p('/_bulk_get?attachments=true&revs=true'), {
					method: 'POST',
					json: { docs: [{ id: file._id }] }
				})
			);
			await attack(
				'anonymous POST _revs_diff',
				as(null, p('/_revs_diff'), { method: 'POST', json: { [task._id]: ['1-a'] } })
			);
			await attack(
				'anonymous GET view',
				as(null, p('/_design/taskflow/_view/open_due?include_docs=true'))
			);
			await attack('anonymous GET design doc', as(null, p('/_design/taskflow')));
		}
		await attack('anonymous GET doc', as(null, db(`/${task._id}`)));
		await attack('anonymous GET file', as(null, db(`/${encodeURIComponent(file._id)}/file`)));
		await attack('anonymous PUT task', put(null, newTask('nobody')));
		await attack('anonymous GET /db/', as(null, door('/')));
		await attack('anonymous GET _all_dbs', as(null, door('/_all_dbs')));
		await attack('anonymous GET _uuids', as(null, door('/_uuids')));
	});

	it('a forged or foreign session cookie is nobody', async () => {
		const forged = `AuthSession=${Buffer.from(`${owner.name}:FFFFFFFF:abc`).toString('base64url')}`;
		for (const cookie of [
			forged,
			'AuthSession=%%%',
			'AuthSession=',
			`AuthSession=${'A'.repeat(5000)}`
		]) {
			await attack(
				'forged cookie GET _all_docs',
				as(cookie, db('/_all_docs')),
				[400, 401, 403, 431]
			);
		}
		await attack(
			'bearer token',
			fetch(db('/_all_docs'), { headers: { authorization: 'Bearer x' } }),
			[401]
		);
		await attack(
			'bad basic',
			fetch(db('/_all_docs'), { headers: { authorization: 'Basic !!!' } }),
			[401]
		);
	});

	it('a user of another workspace cannot read or write this one', async () => {
		const task = newTask(other.name);
		await attack('other workspace GET _all_docs', as(other.cookie, db('/_all_docs')));
		await attack('other workspace GET _changes', as(other.cookie, db('/_changes')));
		await attack('other workspace GET design doc', as(other.cookie, db('/_design/taskflow')));
		await attack('other workspace PUT task', put(other.cookie, task));
		const r = await attack('other workspace POST _bulk_docs', bulk(other.cookie, [task]), BULK);
		expect(await bulkRefused(r)).toBe(true);
		await attack(
			'other workspace GET members',
			as(other.cookie, `${baseUrl()}/api/workspaces/${owner.ws.id}/members`),
			[404]
		);
		await attack(
			'outsider GET another private database',
			as(outsider.cookie, door(`/tf-user-${Buffer.from(member.name).toString('hex')}/_all_docs`))
		);
		expect(await stored(task._id)).toBeNull();
	});
});

describe('attacks: roles and authorship', () => {
	it('a viewer reads, but writes nothing, checkpoints included', async () => {
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
		const cp = { session_id: 'x', history: [], replicator: 'pouchdb', version: 1, last_seq: 1 };
		await attack(
			'viewer PUT checkpoint',
			as(viewer.cookie, db('/_local/abc'), { method: 'PUT', json: cp })
		);
		await attack(
			'viewer 5 MB _local document',
			as(viewer.cookie, db('/_local/big'), {
				method: 'PUT',
				json: { ...cp, junk: 'x'.repeat(5_000_000) }
			}),
			[400, 403, 413]
		);
		await attack(
			'viewer rewrites the reminders checkpoint',
			as(viewer.cookie, db('/_local/taskflow-reminders'), { method: 'PUT', json: { since: 'now' } })
		);
		await attack(
			'member rewrites the reminders checkpoint',
			as(member.cookie, db('/_local/taskflow-reminders'), { method: 'PUT', json: { since: 'now' } })
		);
		await attack(
			'viewer creates invite',
			as(viewer.cookie, `${baseUrl()}/api/workspaces/${owner.ws.id}/invites`, {
				method: 'POST',
				json: { role: 'admin', hours: 24 }
			}),
			[403]
		);
		expect(await stored(task._id)).toBeNull();
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
		const huge = {
			_id: comment._id,
			_rev: comment._rev,
			_deleted: true,
			junk: 'x'.repeat(200_000)
		};
		await attack('member deletes with a huge tombstone', put(member.cookie, huge), [403]);
		expect(await stored(comment._id)).toMatchObject({ body: comment.body, _rev: comment._rev });
		expect(await stored(entry._id)).toMatchObject({ minutes: entry.minutes, _rev: entry._rev });
		expect(await stored(forgedEntry._id)).toBeNull();
	});

	it('a user changing their own roles or account', async () => {
		const id = `org.couchdb.user:${member.name}`;
		const before = (await (await upstream(`/_users/${id}`)).json()) as Doc;
		const admin = ['_admin', `ws.${owner.ws.id}.admin`];
		const url = door(`/_users/${id}`);
		await attack(
			'user PUT own _users doc',
			as(member.cookie, url, { method: 'PUT', json: { ...before, roles: admin } })
		);
		await attack('user GET own _users doc', as(member.cookie, url));
		await attack(
			'user POST _users/_bulk_docs',
			as(member.cookie, door('/_users/_bulk_docs'), {
				method: 'POST',
				json: { docs: [{ ...before, roles: admin }] }
			})
		);
		await attack(
			'member promotes self via API',
			as(member.cookie, `${baseUrl()}/api/workspaces/${owner.ws.id}/members/${member.name}`, {
				method: 'PUT',
				json: { role: 'admin' }
			}),
			[403]
		);
		await attack(
			'member makes self owner via API',
			as(member.cookie, `${baseUrl()}/api/workspaces/${owner.ws.id}/members/${member.name}`, {
				method: 'PUT',
				json: { role: 'owner' }
			}),
			[403]
		);
		const after = (await (await upstream(`/_users/${id}`)).json()) as Doc;
		expect(after.roles).toEqual(before.roles);
		expect(after._rev).toBe(before._rev);
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
			BULK
		);
		if (r2.status === 201) expect(await bulkRefused(r2)).toBe(true);
		expect(await stored(forged._id)).toBeNull();
		expect(await stored(fromViewer._id)).toBeNull();
		const now = await stored(comment._id);
		expect(now).toMatchObject({ body: comment.body, _rev: comment._rev });
		expect(now?._conflicts).toBeUndefined();
	});
});

describe('attacks: server administration', () => {
	it('a user reading _users, _all_dbs, _config, the registry or another account', async () => {
		for (const path of [
			'/_users/_all_docs',
			'/_all_dbs',
			'/_config',
			'/_node/_local/_config',
			`/_users/org.couchdb.user:${owner.name}`,
			'/tf-registry/_all_docs',
			'/tf-registry/setup',
			'/_replicator/_all_docs',
			'/_scheduler/jobs',
			'/_active_tasks',
			'/_utils/',
			'/_up'
		]) {
			await attack(`member GET ${path}`, as(member.cookie, door(path)));
		}
		await attack(
			'member POST _replicate',
			as(member.cookie, door('/_replicate'), {
				method: 'POST',
				json: { source: owner.ws.db, target: 'x' }
			})
		);
	});

	it('a user creating or deleting databases', async () => {
		const fresh = `tf-ws-${'0'.repeat(24)}zz`;
		await attack(
			'user PUT new workspace db',
			as(member.cookie, door(`/${fresh}`), { method: 'PUT' })
		);
		await attack('user PUT arbitrary db', as(member.cookie, door('/evil'), { method: 'PUT' }));
		await attack('user DELETE workspace db', as(member.cookie, db(), { method: 'DELETE' }));
		await attack('owner DELETE own workspace db', as(owner.cookie, db(), { method: 'DELETE' }));
		await attack('admin-of-other DELETE this db', as(other.cookie, db(), { method: 'DELETE' }));
		await attack(
			'outsider DELETE own private db',
			as(outsider.cookie, door(`/${outsider.db}`), { method: 'DELETE' })
		);
		expect((await upstream(`/${fresh}`)).status).toBe(404);
		expect((await upstream(`/${owner.ws.db}`)).status).toBe(200);
	});

	it('does not say which server and version it is', async () => {
		const res = await as(member.cookie, door('/'));
		expect(res.status).toBe(200);
		const body = (await res.json()) as Record<string, unknown>;
		expect(Object.keys(body).sort()).toEqual(['couchdb', 'uuid']);
		for (const r of [res, await as(member.cookie, db())]) {
			expect(r.headers.get('server') ?? '').not.toMatch(/couch|erlang|\d+\.\d+/i);
		}
	});
});

describe('attacks: one request against everyone', () => {
	it('requests that used to crash the embedded server are refused, and it keeps serving', async () => {
		const headers = { cookie: member.cookie };
		const json = { ...headers, 'content-type': 'application/json' };
		const p = `/db/${owner.ws.db}`;
		const cases: [string, string, Record<string, string>, string?][] = [
			[
				'PUT',
				`${p}/task:x`,
				{ ...headers, 'content-type': 'multipart/related; boundary=z' },
				'--z\r\n{bad json'
			],
			['PUT', `${p}/task:x`, { 'content-type': 'multipart/related; boundary=z' }, '--z\r\n{bad'],
			['GET', `${p}/_changes?filter=anything`, headers],
			['GET', `${p}/_changes?filter=_view`, headers],
			['GET', `${p}/_changes?filter=_design`, headers],
			['GET', `${p}/_changes?filter=_doc_ids`, headers],
			['GET', `${p}/_changes?filter=_selector`, headers],
			['GET', `${p}/_changes?feed=continuous&heartbeat=1`, headers],
			['GET', `${p}/_changes?feed=eventsource`, headers],
			['GET', `${p}/_design/taskflow/_view`, headers],
			['GET', `${p}/_design`, headers],
			['GET', `${p}/_design/taskflow/_view/tasks_by_status?key=%7B`, headers],
			['GET', `${p}/task:x?open_revs=%5B1`, headers],
			['POST', `${p}/_bulk_docs`, json, '{"docs": 5}'],
			['POST', `${p}/_bulk_docs`, json, '{"docs": [5]}'],
			['POST', `${p}/_bulk_docs`, json, '{'],
			['POST', `${p}/_bulk_get`, json, '{"docs": [{"id": 5}]}'],
			['POST', `${p}/_revs_diff`, json, '[1,2]'],
			['POST', `${p}/_all_docs`, json, '{"keys": 3}'],
			['POST', `${p}/_find`, json, `{"selector":{"title":{"$regex":"^(a+)+$"}}}`],
			['POST', `${p}/_find`, json, '{"selector":{}}'],
			['GET', `${p}/%zz`, headers],
			['GET', `${p}/../_config`, headers],
			['GET', `${p}/%2e%2e/%2e%2e/_config`, headers],
			['POST', `${p}/task:x`, { ...json, 'x-http-method-override': 'PUT' }, '{}']
		];
		for (const [method, path, h, body] of cases) {
			await attack(`${method} ${path.slice(p.length) || path}`, raw(method, path, h, body), [
				400,
				413,
				415,
				...DENIED
			]);
		}
		await expectStillServing();
	});

	it('abandoned feeds end, and a crowd of them never blocks other requests', async () => {
		const since = ((await (await as(member.cookie, db())).json()) as { update_seq: unknown })
			.update_seq;
		const poll = (signal: AbortSignal) =>
			fetch(
				db(`/_changes?feed=longpoll&heartbeat=5000&since=${encodeURIComponent(String(since))}`),
				{
					headers: { cookie: member.cookie },
					signal
				}
			).catch(() => null);
		// More feeds than one account may hold: the rest are refused at once, not queued.
		const controllers = Array.from({ length: 40 }, () => new AbortController());
		const polls = controllers.map((c) => poll(c.signal));
		await new Promise((r) => setTimeout(r, 500));
		const t0 = Date.now();
		await expectStillServing();
		expect(Date.now() - t0).toBeLessThan(5_000);
		for (const c of controllers) c.abort();
		const answers = await Promise.all(polls);
		const refused = answers.filter((a) => a?.status === 429);
		for (const _ of refused) observed.push(['feed beyond the 24 one account may hold', '429']);
		expect(refused.length).toBeGreaterThan(0);
		// Every feed was let go: a new one is accepted again.
		const again = new AbortController();
		const next = poll(again.signal);
		await new Promise((r) => setTimeout(r, 300));
		await expectStillServing();
		again.abort();
		await next;
	});

	it('a long poll ends on time even when a heartbeat would keep it open', async () => {
		const since = ((await (await as(member.cookie, db())).json()) as { update_seq: unknown })
			.update_seq;
		const t0 = Date.now();
		const res = await as(
			member.cookie,
			db(
				`/_changes?feed=longpoll&heartbeat=5000&timeout=2000&since=${encodeURIComponent(String(since))}`
			)
		);
		const body = (await res.json()) as { results: unknown[]; last_seq: unknown };
		expect(res.status).toBe(200);
		expect(body.results).toEqual([]);
		expect(Date.now() - t0).toBeLessThan(15_000);
	});
});

describe('attacks: sign-in', () => {
	it('a name that is not a string neither signs in nor dodges the per-account limit', async () => {
		const name = uniqueName('atk-lock');
		await createUser(name);
		for (const body of [
			{ name: [name], password: 'x' },
			{ name: { $gt: '' }, password: 'x' },
			{ name, password: ['x'] }
		]) {
			await attack(
				`sign-in with ${JSON.stringify(body)}`,
				as(null, door('/_session'), { method: 'POST', json: body }),
				[400]
			);
		}
	});

	it('a form post from another site cannot sign a browser in', async () => {
		const name = uniqueName('atk-csrf');
		const password = await createUser(name);
		const form = new URLSearchParams({ name, password }).toString();
		await attack(
			'form-encoded sign-in',
			fetch(door('/_session'), {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: form
			}),
			[400, 415]
		);
		await attack(
			'text/plain sign-in',
			fetch(door('/_session'), {
				method: 'POST',
				headers: { 'content-type': 'text/plain' },
				body: JSON.stringify({ name, password })
			}),
			[400, 415]
		);
		await attack(
			'cross-site JSON sign-in',
			fetch(door('/_session'), {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
				body: JSON.stringify({ name, password })
			}),
			[403]
		);
		await attack(
			'cross-site write with a session',
			as(member.cookie, db(`/${newTask(member.name)._id}`), {
				method: 'PUT',
				headers: { 'sec-fetch-site': 'cross-site' },
				json: newTask(member.name)
			}),
			[403]
		);
		const ok = await fetch(door('/_session'), {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: new URL(baseUrl()).origin },
			body: JSON.stringify({ name, password })
		});
		expect(ok.status).toBe(200);
		const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('AuthSession='))!;
		expect(cookie).toMatch(/;\s*HttpOnly/i);
		expect(cookie).toMatch(/;\s*SameSite=Lax/i);
	});

	it('stores passwords hashed at CouchDB 3.5 strength', async () => {
		const name = uniqueName('atk-hash');
		await createUser(name);
		const doc = (await (await upstream(`/_users/org.couchdb.user:${name}`)).json()) as Record<
			string,
			unknown
		>;
		expect(doc).not.toHaveProperty('password');
		expect(doc.iterations as number).toBeGreaterThanOrEqual(600_000);
		expect(doc.pbkdf2_prf).toBe('sha256');
	});
});

describe('attacks: files', () => {
	it('a file is measured by its data, and served as a download that cannot run', async () => {
		const task = await created(member.cookie, newTask(member.name));
		const lying = attachmentDoc(member.name, task._id, Buffer.alloc(MAX_ATTACHMENT_BYTES + 10, 1));
		(lying._attachments as { file: Record<string, unknown> }).file.length = 10;
		lying.size = 10;
		await attack('file larger than it says', put(member.cookie, lying), [403, 413]);
		for (const [type, name, body] of [
			[
				'text/html',
				'page.html',
				'<script>parent.pwned = 1</script><form action="https://evil.example"></form>'
			],
			['image/svg+xml', 'logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
			['application/javascript', 'x.js', 'alert(1)']
		] as const) {
			const doc = attachmentDoc(member.name, task._id, Buffer.from(body), undefined, type, name);
			doc.width = null;
			doc.height = null;
			const saved = await created(member.cookie, doc);
			const res = await as(member.cookie, db(`/${encodeURIComponent(saved._id)}/file`));
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('application/octet-stream');
			expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('content-security-policy')).toMatch(/^sandbox/);
			observed.push([`${type} served inline`, 'no: download']);
		}
	});
});
