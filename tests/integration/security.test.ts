import { beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/lib/domain/hlc';
import {
	as,
	baseUrl,
	createUser,
	door,
	login,
	newComment,
	newTask,
	ownerWithWorkspace,
	setMember,
	uniqueName
} from './helpers';

let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
const member = { name: uniqueName('mem'), cookie: '' };
const viewer = { name: uniqueName('view'), cookie: '' };
const outsider = { name: uniqueName('out'), cookie: '' };

beforeAll(async () => {
	owner = await ownerWithWorkspace('sec');
	const roles = (r: string) => [`ws.${owner.ws.id}.${r}`];
	for (const [u, r] of [
		[member, roles('member')],
		[viewer, roles('viewer')],
		[outsider, []]
	] as const) {
		u.cookie = await login(u.name, await createUser(u.name, [...r]));
	}
});

const docUrl = (doc: Record<string, unknown>) => door(`/${owner.ws.db}/${doc._id as string}`);
const put = (cookie: string, doc: Record<string, unknown>) =>
	as(cookie, docUrl(doc), { method: 'PUT', json: doc });

describe('workspace security', () => {
	it('lets members write valid documents', async () => {
		expect((await put(member.cookie, newTask(member.name))).status).toBe(201);
	});

	it('refuses non-members with 401 or 403', async () => {
		for (const path of [
			`/${owner.ws.db}/`,
			`/${owner.ws.db}/_all_docs`,
			`/${owner.ws.db}/_changes`
		]) {
			const res = await as(outsider.cookie, door(path));
			expect([401, 403], path).toContain(res.status);
			const anon = await as(null, door(path));
			expect([401, 403], path).toContain(anon.status);
		}
		expect([401, 403]).toContain((await put(outsider.cookie, newTask(outsider.name))).status);
	});

	it('lets viewers read but not write', async () => {
		expect((await as(viewer.cookie, door(`/${owner.ws.db}/_all_docs`))).status).toBe(200);
		const res = await put(viewer.cookie, newTask(viewer.name));
		expect([401, 403]).toContain(res.status);
		expect(((await res.json()) as { reason: string }).reason).toMatch(/viewers/i);
	});

	it('keeps users from changing their own roles', async () => {
		// CouchDB 3 does not let users read their account through the door either: nothing
		// in the app may rely on it. A write is refused outright.
		const id = `org.couchdb.user:${viewer.name}`;
		const res = await as(viewer.cookie, door(`/_users/${id}`), {
			method: 'PUT',
			json: { _id: id, type: 'user', name: viewer.name, roles: ['_admin'], password: 'x1234567' }
		});
		expect([401, 403, 404]).toContain(res.status);
		const me = (await (await as(viewer.cookie, door('/_session'))).json()) as {
			userCtx: { roles: string[] };
		};
		expect(me.userCtx.roles).toEqual([]);
		const list = (await (
			await as(owner.cookie, `${baseUrl()}/api/workspaces/${owner.ws.id}/members`)
		).json()) as { name: string; role: string }[];
		expect(list).toContainEqual({ name: viewer.name, role: 'viewer' });
	});

	it('refuses invalid documents with the validator message via PUT', async () => {
		const task = { ...newTask(member.name), title: 'x'.repeat(201) };
		const res = await put(member.cookie, task);
		expect(res.status).toBe(403);
		expect(await res.json()).toEqual({
			error: 'forbidden',
			reason: 'task.title: at most 200 characters'
		});
		const unknown = await put(member.cookie, { _id: 'thing:1', type: 'thing' });
		expect(await unknown.json()).toMatchObject({
			reason: 'doc.type: unknown document type "thing"'
		});
	});

	it('refuses invalid documents via _bulk_docs with new_edits:false', async () => {
		const good = { ...newTask(member.name), _rev: '1-0123456789abcdef0123456789abcdef' };
		const bad: Record<string, unknown> = {
			...newTask(member.name),
			status: 'doing',
			_rev: '1-fedcba9876543210fedcba9876543210'
		};
		const res = await as(member.cookie, door(`/${owner.ws.db}/_bulk_docs`), {
			method: 'POST',
			json: { docs: [good, bad], new_edits: false }
		});
		expect(res.status).toBe(201);
		const results = (await res.json()) as { id: string; error?: string; reason?: string }[];
		const failed = results.filter((r) => r.error);
		expect(failed, JSON.stringify(results)).toHaveLength(1);
		expect(failed[0]).toMatchObject({ id: bad._id, error: 'forbidden' });
		expect(failed[0]?.reason).toMatch(/^task\.status: must be one of/);
		expect((await as(member.cookie, docUrl(good))).status).toBe(200);
		expect((await as(member.cookie, docUrl(bad))).status).toBe(404);
	});

	it("refuses a clock set far ahead of the server's time, but not a clock a little ahead", async () => {
		const clock = (aheadMs: number) =>
			formatHlc({ millis: Date.now() + aheadMs, counter: 0, replica: 'devclockskew' });
		const skewed = { ...newTask(member.name), clocks: { title: clock(2 * 86_400_000) } };
		const res = await put(member.cookie, skewed);
		expect(res.status).toBe(403);
		expect(((await res.json()) as { reason: string }).reason).toBe(
			"task.clocks.title: ahead of the server's time; check this device's clock"
		);
		const replicated = await as(member.cookie, door(`/${owner.ws.db}/_bulk_docs`), {
			method: 'POST',
			json: {
				docs: [{ ...skewed, _rev: '1-0123456789abcdef0123456789abcdee' }],
				new_edits: false
			}
		});
		expect(((await replicated.json()) as { error?: string }[])[0]?.error).toBe('forbidden');
		const slightlyAhead = { ...newTask(member.name), clocks: { title: clock(5 * 60_000) } };
		expect((await put(member.cookie, slightlyAhead)).status).toBe(201);
	});

	it('pins createdBy and comment authorship', async () => {
		const forged = await put(member.cookie, newTask(owner.name));
		expect(await forged.json()).toMatchObject({
			reason: 'task.createdBy: must be you when creating'
		});
		const task = newTask(member.name);
		await put(member.cookie, task);
		const comment = newComment(member.name, task._id);
		const created = (await (await put(member.cookie, comment)).json()) as { rev: string };
		const edit = await put(owner.cookie, { ...comment, _rev: created.rev, body: 'edited' });
		expect(edit.status).toBe(403);
		const del = await as(owner.cookie, `${docUrl(comment)}?rev=${created.rev}`, {
			method: 'DELETE'
		});
		expect(del.status).toBe(403);
		const own = await as(member.cookie, `${docUrl(comment)}?rev=${created.rev}`, {
			method: 'DELETE'
		});
		expect(own.status).toBe(200);
	});

	it('applies role changes made by the server', async () => {
		await setMember(owner.ws.id, viewer.name, 'member');
		// The existing session sees the new role at once: the server reads it from _security.
		expect((await put(viewer.cookie, newTask(viewer.name))).status).toBe(201);
	});
});
