/**
 * The private calendar feed: created, rotated and revoked by its owner with their session,
 * read by calendar apps with the token alone; it shows only the owner's tasks from the
 * workspaces they belong to.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
	as,
	baseUrl,
	createUser,
	door,
	login,
	newTask,
	ownerWithWorkspace,
	uniqueName,
	type TestDoc
} from './helpers';

const api = (path: string) => `${baseUrl()}/api${path}`;
let ana: Awaited<ReturnType<typeof ownerWithWorkspace>>;
let bob: Awaited<ReturnType<typeof ownerWithWorkspace>>;

async function put(cookie: string, db: string, doc: TestDoc): Promise<void> {
	const res = await as(cookie, door(`/${db}/${doc._id}`), { method: 'PUT', json: doc });
	expect(res.status, await res.clone().text()).toBe(201);
}

async function createFeed(cookie: string) {
	const res = await as(cookie, api('/calendar'), { method: 'POST', json: {} });
	expect(res.status).toBe(201);
	return (await res.json()) as { token: string; path: string; createdAt: string };
}

/** Reads a feed the way a calendar app does: no cookie, no Authorization. */
const fetchFeed = (path: string) => fetch(`${baseUrl()}${path}`);

beforeAll(async () => {
	ana = await ownerWithWorkspace('cal-ana');
	bob = await ownerWithWorkspace('cal-bob');
	const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
	const tasks: [typeof ana, TestDoc][] = [
		[ana, { ...newTask(ana.name, 'Ana; pumps, valves'), assignee: ana.name, due: soon }],
		[ana, { ...newTask(ana.name, 'Ana without date'), assignee: ana.name }],
		[ana, { ...newTask(ana.name, 'Unassigned with date'), due: soon }],
		[
			ana,
			{
				...newTask(ana.name, 'Ana trashed'),
				assignee: ana.name,
				due: soon,
				deletedAt: new Date().toISOString()
			}
		],
		[
			ana,
			{
				...newTask(ana.name, 'Ana finished'),
				assignee: ana.name,
				due: soon,
				status: 'done',
				completedAt: new Date().toISOString()
			}
		],
		// Assigned to Ana in Bob's workspace, which she is not a member of.
		[bob, { ...newTask(bob.name, 'Foreign workspace'), assignee: ana.name, due: soon }],
		[bob, { ...newTask(bob.name, 'Bob own task'), assignee: bob.name, due: soon }]
	];
	for (const [who, task] of tasks) await put(who.cookie, who.ws.db, task);
});

describe('calendar feed', () => {
	it('needs a session to create, read the status of or revoke a feed', async () => {
		expect((await as(null, api('/calendar'))).status).toBe(401);
		expect((await as(null, api('/calendar'), { method: 'POST', json: {} })).status).toBe(401);
		expect((await as(null, api('/calendar'), { method: 'DELETE' })).status).toBe(401);
	});

	it('serves the owner’s dated tasks from their workspaces, with the token and no cookie', async () => {
		expect(await (await as(ana.cookie, api('/calendar'))).json()).toEqual({
			exists: false,
			createdAt: null
		});
		const feed = await createFeed(ana.cookie);
		expect(feed.path).toBe(`/api/calendar/${feed.token}.ics`);
		expect(feed.token.length).toBeGreaterThanOrEqual(22);
		expect(await (await as(ana.cookie, api('/calendar'))).json()).toEqual({
			exists: true,
			createdAt: feed.createdAt
		});

		const res = await fetchFeed(feed.path);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(res.headers.get('cache-control')).toMatch(/private/);
		const text = (await res.text()).replace(/\r\n /g, '');
		expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(text).toContain('SUMMARY:Ana\\; pumps\\, valves\r\n');
		expect(text).toContain('SUMMARY:✓ Ana finished\r\n');
		expect(text).toContain(`/w/${ana.ws.id}/p/`);
		for (const absent of ['without date', 'Unassigned', 'trashed', 'Foreign', 'Bob own']) {
			expect(text).not.toContain(absent);
		}
		expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
	});

	it('drops a workspace’s tasks once the user is no longer a member', async () => {
		const feed = await createFeed(ana.cookie);
		// Ana joins Bob's workspace: the task assigned to her there appears.
		const joined = await as(bob.cookie, api(`/workspaces/${bob.ws.id}/invites`), {
			method: 'POST',
			json: { role: 'member', hours: 1 }
		});
		const { token } = (await joined.json()) as { token: string };
		expect((await as(ana.cookie, api(`/invites/${token}/accept`), { method: 'POST' })).status).toBe(
			200
		);
		expect(await (await fetchFeed(feed.path)).text()).toContain('Foreign workspace');
		const left = await as(ana.cookie, api(`/workspaces/${bob.ws.id}/members/${ana.name}`), {
			method: 'DELETE'
		});
		expect(left.status).toBe(200);
		expect(await (await fetchFeed(feed.path)).text()).not.toContain('Foreign workspace');
	});

	it('answers 404 for unknown and malformed tokens', async () => {
		const fake = 'A'.repeat(43);
		expect((await fetchFeed(`/api/calendar/${fake}.ics`)).status).toBe(404);
		expect((await fetchFeed('/api/calendar/short.ics')).status).toBe(404);
		const real = await createFeed(ana.cookie);
		expect((await fetchFeed(`/api/calendar/${real.token}`)).status).toBe(404);
	});

	it('kills the old URL on rotation and every URL on revocation', async () => {
		const first = await createFeed(ana.cookie);
		const second = await createFeed(ana.cookie);
		expect(second.token).not.toBe(first.token);
		expect((await fetchFeed(first.path)).status).toBe(404);
		expect((await fetchFeed(second.path)).status).toBe(200);

		const revoked = await as(ana.cookie, api('/calendar'), { method: 'DELETE' });
		expect(revoked.status).toBe(200);
		expect((await fetchFeed(second.path)).status).toBe(404);
		expect(await (await as(ana.cookie, api('/calendar'))).json()).toEqual({
			exists: false,
			createdAt: null
		});
		expect((await as(ana.cookie, api('/calendar'), { method: 'DELETE' })).status).toBe(404);
	});

	it('never lets another user revoke, rotate or read the status of someone’s feed', async () => {
		const mine = await createFeed(ana.cookie);
		const name = uniqueName('cal-eve');
		const eve = await login(name, await createUser(name, ['tf.user']));
		expect(await (await as(eve, api('/calendar'))).json()).toEqual({
			exists: false,
			createdAt: null
		});
		expect((await as(eve, api('/calendar'), { method: 'DELETE' })).status).toBe(404);
		const eveFeed = await createFeed(eve);
		expect((await fetchFeed(mine.path)).status).toBe(200);
		// Eve's own feed has none of Ana's tasks; a cookie does not widen a feed either.
		const text = await (await as(ana.cookie, `${baseUrl()}${eveFeed.path}`)).text();
		expect(text).not.toContain('BEGIN:VEVENT');
		expect((await as(eve, `${baseUrl()}${mine.path}`, { method: 'DELETE' })).status).toBe(405);
		expect((await fetchFeed(mine.path)).status).toBe(200);
	});
});
