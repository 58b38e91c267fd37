/**
 * Repeating tasks as a person uses them: set "every 2 weeks on Monday" in the task panel,
 * complete the task while offline and the next occurrence appears at once with the right
 * due date; reopening and completing again makes no second one; back online, the server
 * holds the next occurrence exactly once.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, recordProblems, screenshot } from './support/browser';
import { AppPage } from './pages/app.page';
import { RecurrencePage } from './pages/recurrence.page';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };
const TITLE = 'Water the greenhouse';

async function signIn(app: AppPage): Promise<void> {
	const res = await fetch(`${baseUrl}/api/setup`);
	const { needsSetup } = (await res.json()) as { needsSetup: boolean };
	if (needsSetup) await app.setup(OWNER.name, OWNER.password, 'Field crew');
	else await app.login(OWNER.name, OWNER.password);
}

async function setOffline(ctx: BrowserContext, app: AppPage, off: boolean): Promise<void> {
	await ctx.setOffline(off);
	await app.page.waitForFunction(
		(want) =>
			(document.querySelector('[data-testid=sync-indicator]')?.getAttribute('data-phase') ===
				'offline') ===
			want,
		off
	);
}

interface ServerTask {
	_id: string;
	title: string;
	status: string;
	due: string | null;
	project: string;
	recurrence?: { series: string; index: number; rule: string };
	_conflicts?: string[];
}

/** The project's tasks as the server has them (read through the door as the owner). */
async function serverTasks(projectUrl: string): Promise<ServerTask[]> {
	const [, ws, project] = /\/w\/([0-9a-z]+)\/p\/([0-9A-Z]+)/.exec(projectUrl)!;
	const auth = `Basic ${Buffer.from(`${OWNER.name}:${OWNER.password}`).toString('base64')}`;
	const q = 'include_docs=true&conflicts=true&startkey=%22task%3A%22&endkey=%22task%3A%EF%BF%B0%22';
	const res = await fetch(`${baseUrl}/db/tf-ws-${ws}/_all_docs?${q}`, {
		headers: { authorization: auth }
	});
	expect(res.status).toBe(200);
	const body = (await res.json()) as { rows: { doc: ServerTask }[] };
	return body.rows.map((r) => r.doc).filter((t) => t.project === `project:${project}`);
}

describe('recurring tasks', () => {
	let browser: Browser;
	let ctx: BrowserContext;
	let app: AppPage;
	let repeat: RecurrencePage;
	let projectUrl: string;

	beforeAll(async () => {
		browser = await launchBrowser();
		ctx = await newContext(browser, { timezoneId: 'Europe/Berlin' });
		app = new AppPage(await ctx.newPage(), baseUrl);
		repeat = new RecurrencePage(app.page);
		await signIn(app);
		projectUrl = await app.createProject(`Greenhouse ${Date.now().toString(36)}`);
		// 2026-03-23 is a Monday; the next one two weeks on crosses the switch to summer time.
		await app.createTask({ title: TITLE, due: '2026-03-23' });
		await app.waitSynced();
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('sets a rule in the task panel and marks the card', async () => {
		await app.openTask(TITLE);
		await repeat.choose('Weekly');
		await expect.poll(() => repeat.summary.textContent()).toMatch(/Every week on Monday/);
		await repeat.setInterval(2);
		await expect.poll(() => repeat.summary.textContent()).toMatch(/Every 2 weeks on Monday/);
		expect(await repeat.summary.textContent()).toContain('(2026-04-06)');
		await screenshot(app.page, 'recurrence-detail-desktop');
		await repeat.save();
		const mark = app.card(TITLE).getByTestId('repeat-mark');
		expect(await mark.getAttribute('aria-label')).toBe('Repeats: Every 2 weeks on Monday');
		await app.waitSynced();
	});

	it('completing offline creates the next occurrence once; online, the server has it once', async () => {
		const problems = recordProblems(app.page);
		await setOffline(ctx, app, true);
		await repeat.setStatus('done');
		await expect.poll(() => repeat.dueDates('done', TITLE)).toEqual(['2026-03-23']);
		await expect.poll(() => repeat.dueDates('todo', TITLE)).toEqual(['2026-04-06']);

		// Reopen and complete again: the same next occurrence, not a second one.
		await repeat.setStatus('todo');
		await expect.poll(() => repeat.dueDates('todo', TITLE)).toEqual(['2026-03-23', '2026-04-06']);
		await repeat.setStatus('done');
		await expect.poll(() => repeat.dueDates('done', TITLE)).toEqual(['2026-03-23']);
		expect(await repeat.dueDates('todo', TITLE)).toEqual(['2026-04-06']);
		await app.closeTask();
		await screenshot(app.page, 'recurrence-board-offline-desktop');

		await setOffline(ctx, app, false);
		await app.waitSynced();
		const tasks = await serverTasks(projectUrl);
		expect(tasks.map((t) => [t.status, t.due, t.recurrence?.index]).sort()).toEqual([
			['done', '2026-03-23', 0],
			['todo', '2026-04-06', 1]
		]);
		expect(tasks.every((t) => !t._conflicts?.length)).toBe(true);
		expect(new Set(tasks.map((t) => t.recurrence?.series)).size).toBe(1);
		expect(problems.pageErrors).toEqual([]);
		problems.dispose();
	});

	it('shows the rule on a phone', async () => {
		const phone = await newContext(browser, { viewport: 'phone', timezoneId: 'Europe/Berlin' });
		const page = await phone.newPage();
		await page.setViewportSize({ width: 390, height: 844 });
		const p = new AppPage(page, baseUrl);
		await p.login(OWNER.name, OWNER.password);
		await page.goto(projectUrl);
		await p.column('todo').getByTestId('task-card').first().waitFor();
		await screenshot(page, 'recurrence-board-phone');
		await p.card(TITLE).first().locator('[data-task-link]').first().waitFor();
		await p.column('todo').locator('[data-task-link]', { hasText: TITLE }).click();
		const detail = new RecurrencePage(page);
		await detail.detail.waitFor();
		await expect.poll(() => detail.summary.textContent()).toMatch(/Every 2 weeks on Monday/);
		await detail.detail.getByRole('heading', { name: 'Repeat' }).scrollIntoViewIfNeeded();
		await screenshot(page, 'recurrence-detail-phone');
		// Trying another preset shows its options and meaning; Cancel leaves the rule alone.
		await detail.choose('Monthly on a weekday');
		await expect.poll(() => detail.summary.textContent()).toMatch(/Monthly on the first Monday/);
		await screenshot(page, 'recurrence-edit-phone');
		await detail.detail.getByRole('button', { name: 'Cancel' }).click();
		await expect.poll(() => detail.summary.textContent()).toMatch(/Every 2 weeks on Monday/);
		await phone.close();
	});
});
