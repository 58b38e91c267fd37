/**
 * The calendar feed card in Settings: create a private feed URL, read it as a calendar app
 * does (no cookie), make a new URL (the old one dies), revoke it. Uses its own user and
 * workspace, made through the server's API, so it does not depend on other files.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, recordProblems, screenshot } from './support/browser';
import { AppPage } from './pages/app.page';
import { CalendarFeedCard } from './pages/calendar-feed.page';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };
const USER = { name: `cal${Date.now().toString(36)}`, password: 'calendar-long-password' };

async function createAccountWithWorkspace(): Promise<void> {
	// Alone on a fresh server, the app would send everyone to first-run setup: do it the way
	// the other files do, with the same owner, whoever comes first.
	const { needsSetup } = (await (await fetch(`${baseUrl}/api/setup`)).json()) as {
		needsSetup: boolean;
	};
	if (needsSetup) {
		const setup = await fetch(`${baseUrl}/api/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...OWNER, workspaceName: 'Field crew' })
		});
		expect(setup.status).toBe(201);
	}
	const { user, password } = inject('admin');
	const admin = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
	const id = `org.couchdb.user:${USER.name}`;
	const made = await fetch(`${inject('couchUrl')}/_users/${id}`, {
		method: 'PUT',
		headers: { authorization: admin, 'content-type': 'application/json' },
		body: JSON.stringify({ _id: id, type: 'user', roles: [], ...USER })
	});
	expect(made.status).toBe(201);
	const login = await fetch(`${baseUrl}/db/_session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(USER)
	});
	const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
	const ws = await fetch(`${baseUrl}/api/workspaces`, {
		method: 'POST',
		headers: { cookie, 'content-type': 'application/json' },
		body: JSON.stringify({ name: 'Calendar crew' })
	});
	expect(ws.status).toBe(201);
}

/** What a calendar app gets for `url`: it has no cookie. */
const poll = async (url: string) => {
	const res = await fetch(url);
	return { status: res.status, text: await res.text() };
};

describe('calendar feed', () => {
	let browser: Browser;
	let ctx: BrowserContext;
	let app: AppPage;
	let feed: CalendarFeedCard;

	beforeAll(async () => {
		await createAccountWithWorkspace();
		browser = await launchBrowser();
		ctx = await newContext(browser, {
			viewport: 'desktop',
			permissions: ['clipboard-read', 'clipboard-write']
		});
		const page = await ctx.newPage();
		recordProblems(page);
		app = new AppPage(page, baseUrl);
		feed = new CalendarFeedCard(page, baseUrl);
		await app.login(USER.name, USER.password);
		await app.createProject('Pump station');
		await app.createTask({ title: 'Service pump 3', assignee: USER.name, due: '2030-05-14' });
		await app.createTask({ title: 'Nobody’s task', due: '2030-05-15' });
		await app.waitSynced();
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('creates a feed whose URL works without a cookie, and copies it', async () => {
		await feed.open();
		await feed.card.getByRole('button', { name: 'Create feed URL' }).waitFor();
		await screenshot(app.page, 'desktop-calendar-feed-none');
		const url = await feed.create();
		expect(url).toMatch(new RegExp(`^${baseUrl}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
		await feed.card.getByRole('button', { name: 'Copy' }).click();
		await feed.card.getByRole('button', { name: 'Copied' }).waitFor();
		expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(url);
		await screenshot(app.page, 'desktop-calendar-feed-created');

		const got = await poll(url);
		expect(got.status).toBe(200);
		expect(got.text).toContain('SUMMARY:Service pump 3\r\n');
		expect(got.text).toContain('DTSTART;VALUE=DATE:20300514\r\n');
		expect(got.text).not.toContain('Nobody');
	});

	it('shows the active feed on a later visit, makes a new URL and revokes it', async () => {
		// The feed made above is still live; its URL is not shown again.
		await feed.open();
		await feed.card.getByTestId('calendar-active').waitFor();
		expect(await feed.card.getByLabel('Calendar feed URL', { exact: true }).count()).toBe(0);
		await feed.card.getByRole('button', { name: 'New URL', exact: true }).click();
		await screenshot(app.page, 'desktop-calendar-feed-confirm');
		await feed.card.getByRole('button', { name: 'Cancel' }).click();

		const old = await feed.rotate();
		const next = await feed.rotate();
		expect(next).not.toBe(old);
		expect((await poll(old)).status).toBe(404);
		expect((await poll(next)).status).toBe(200);

		await feed.revoke();
		expect((await poll(next)).status).toBe(404);
		await app.page.getByText('Calendar feed revoked').waitFor();
	});

	it('fits a phone screen', async () => {
		const phone = await newContext(browser, { viewport: 'phone' });
		const page = await phone.newPage();
		const other = new AppPage(page, baseUrl);
		await other.login(USER.name, USER.password);
		const card = new CalendarFeedCard(page, baseUrl);
		await card.open();
		await card.create();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth > document.documentElement.clientWidth
		);
		expect(overflow).toBe(false);
		await screenshot(page, 'phone-calendar-feed-created');
		await phone.close();
	});
});
