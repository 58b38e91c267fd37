/**
 * Notifications end to end: Olivia assigns a task to Nadia and mentions her in a comment;
 * Nadia's bell shows both live on two devices, marking them read on one clears the other,
 * and a notification opens its task. Runs the server's reminders worker for real.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { launchBrowser, newContext, recordProblems, screenshot } from './support/browser';
import { AppPage } from './pages/app.page';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };
const NADIA = { name: 'nadia', password: 'nadia-long-password' };

describe('notifications', () => {
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let owner: AppPage;
	let nadia: AppPage;
	let nadiaPhone: AppPage;
	let projectUrl = '';

	const bell = (app: AppPage) => app.page.getByTestId('notification-bell');
	const unread = (app: AppPage) =>
		bell(app)
			.locator('summary')
			.getAttribute('aria-label')
			.then((l) => l ?? '');

	beforeAll(async () => {
		browser = await launchBrowser();
		// CSP bypassed only so axe can be injected for the accessibility check.
		const ctx = async (viewport: 'desktop' | 'phone') => {
			const c = await newContext(browser, { viewport, bypassCSP: true });
			contexts.push(c);
			return new AppPage(await c.newPage(), baseUrl);
		};
		owner = await ctx('desktop');
		nadia = await ctx('desktop');
		nadiaPhone = await ctx('phone');
		const status = (await (await fetch(`${baseUrl}/api/setup`)).json()) as { needsSetup: boolean };
		if (status.needsSetup) await owner.setup(OWNER.name, OWNER.password, 'Field crew');
		else await owner.login(OWNER.name, OWNER.password);
		const wsId = owner.workspaceId();
		projectUrl = await owner.createProject('Dispatch');

		await owner.openMembers(wsId);
		const link = await owner.createInviteLink('member');
		await nadia.page.goto(link);
		await nadia.page.fill('input[name=name]', NADIA.name);
		await nadia.page.fill('input[name=password]', NADIA.password);
		await nadia.page.fill('input[name=confirm]', NADIA.password);
		await nadia.page.getByRole('button', { name: 'Create account and join' }).click();
		await nadia.page.waitForURL(new RegExp(`/w/${wsId}$`));
		await nadiaPhone.login(NADIA.name, NADIA.password);
		await nadiaPhone.page.goto(projectUrl);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('shows an assignment and a mention live, and the bell opens the task', async () => {
		const problems = recordProblems(nadia.page);
		await nadia.page.goto(projectUrl);
		await nadia.board.waitFor();
		expect(await unread(nadia)).toBe('Notifications, none unread');

		await owner.page.goto(projectUrl);
		await owner.board.waitFor();
		await owner.createTask({ title: 'Inspect pump station 4', assignee: NADIA.name });
		await owner.openTask('Inspect pump station 4');
		await owner.addComment(`@${NADIA.name} can you check the pressure first?`);
		await owner.waitSynced();

		await expect.poll(() => unread(nadia), { timeout: 30_000 }).toBe('Notifications, 2 unread');
		// A toast announced them while the page was open.
		await expect.poll(() => nadia.page.getByText('olivia assigned you').count()).toBeGreaterThan(0);
		await bell(nadia).locator('summary').click();
		const items = bell(nadia).getByTestId('notification');
		await expect.poll(() => items.count()).toBe(2);
		const kinds = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
		expect(kinds.sort()).toEqual(['assigned', 'mention']);
		await expect
			.poll(() => bell(nadia).textContent())
			.toContain('can you check the pressure first?');
		expect(await seriousViolations(nadia.page)).toEqual([]);
		await screenshot(nadia.page, 'notifications-desktop');

		// The other device of the same person shows the same, and reading on one clears both.
		await expect
			.poll(() => unread(nadiaPhone), { timeout: 30_000 })
			.toBe('Notifications, 2 unread');
		await bell(nadiaPhone).locator('summary').click();
		await screenshot(nadiaPhone.page, 'notifications-phone');
		await bell(nadia).getByRole('button', { name: 'Mark all read' }).click();
		await expect
			.poll(() => unread(nadiaPhone), { timeout: 30_000 })
			.toBe('Notifications, none unread');

		await items.filter({ hasText: 'assigned you' }).locator('a').click();
		await nadia.page.getByTestId('task-detail').waitFor();
		expect(await nadia.page.getByLabel('Title', { exact: true }).inputValue()).toBe(
			'Inspect pump station 4'
		);
		expect(problems.pageErrors).toEqual([]);
	});

	it('lets a person watch a task and stop watching it', async () => {
		await owner.createTask({ title: 'Order spare seals' });
		await nadia.page.goto(projectUrl);
		await nadia.openTask('Order spare seals');
		const watch = nadia.page.getByTestId('watch-button');
		await expect.poll(() => watch.getAttribute('aria-pressed')).toBe('false');
		await watch.click();
		await expect.poll(() => watch.getAttribute('aria-pressed')).toBe('true');
		await nadia.page.reload();
		await expect
			.poll(() => nadia.page.getByTestId('watch-button').getAttribute('aria-pressed'))
			.toBe('true');
	});

	it('reminds on the device of a task due soon, offline, without waiting for the server', async () => {
		// Due far in the future, so the server's worker (real clock) stays silent.
		await owner.createTask({ title: 'Close valve 9', assignee: NADIA.name, due: '2031-06-10' });
		await owner.waitSynced();
		const ctx = contexts[1]!;
		await ctx.clock.install();
		await nadia.page.goto(projectUrl);
		await nadia.card('Close valve 9').waitFor();
		await nadia.waitSynced();
		await ctx.setOffline(true);
		// Half an hour before the end of the due day, on this device's clock.
		await ctx.clock.setSystemTime(new Date(2031, 5, 10, 23, 30));
		// The device checks every 30 s. Step a second at a time, looking after each step, so
		// the toast (8 s on screen) is seen however long the real steps above took.
		const toast = nadia.page.getByText('Due Jun 10: Close valve 9');
		for (let s = 0; s < 32 && (await toast.count()) === 0; s++) await ctx.clock.runFor(1000);
		await toast.waitFor();
		expect(await bell(nadia).getByTestId('notification').allTextContents()).not.toContain(
			'Close valve 9'
		);
		await ctx.setOffline(false);
	});
});
