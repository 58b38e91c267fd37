/**
 * The analytics dashboard on real data: it renders from the views, a chart's table shows the
 * same figures as the chart, and it still works offline from this device's data.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, recordProblems, screenshot } from './support/browser';
import { AppPage } from './pages/app.page';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };

describe('analytics dashboard', () => {
	let browser: Browser;
	let ctx: BrowserContext;
	let app: AppPage;
	let dashboardUrl: string;

	beforeAll(async () => {
		browser = await launchBrowser();
		ctx = await newContext(browser);
		app = new AppPage(await ctx.newPage(), baseUrl);
		const res = await fetch(`${baseUrl}/api/setup`);
		const { needsSetup } = (await res.json()) as { needsSetup: boolean };
		if (needsSetup) await app.setup(OWNER.name, OWNER.password, 'Field crew');
		else await app.login(OWNER.name, OWNER.password);
		const projectUrl = await app.createProject('Flow lab');
		await app.createTask({ title: 'Survey the site', status: 'todo', assignee: 'olivia' });
		await app.createTask({ title: 'Pour footings', status: 'in_progress', assignee: 'olivia' });
		await app.createTask({ title: 'Check rebar', status: 'review' });
		await app.createTask({ title: 'Order concrete', status: 'done' });
		await app.createTask({ title: 'Book crane', status: 'done' });
		await app.waitSynced();
		const m = /\/w\/([0-9a-z]+)\/p\/([0-9A-Z]+)/.exec(projectUrl)!;
		dashboardUrl = `${baseUrl}/w/${m[1]}/analytics?project=${m[2]}`;
	});

	afterAll(async () => {
		await browser?.close();
	});

	const card = (title: string) =>
		app.page
			.getByTestId('chart-card')
			.filter({ has: app.page.getByRole('heading', { name: title }) });

	it('renders from the views, with tables matching the charts', async () => {
		const problems = recordProblems(app.page);
		await app.page.goto(dashboardUrl);
		await app.page.getByTestId('dashboard').waitFor();
		const status = card('Tasks by status');
		// The chart's bars carry their figures in tooltips; the table shows the same ones.
		const bars = await status.locator('svg title').allTextContents();
		expect(bars.map((t) => t.trim())).toEqual([
			'To do: 1',
			'In progress: 1',
			'Review: 1',
			'Done: 2'
		]);
		await status.getByRole('button', { name: 'Table' }).click();
		const rows = await status
			.getByTestId('chart-table')
			.locator('tbody tr')
			.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
		expect(rows.map((r) => r.slice(0, 2))).toEqual([
			['To do', '1'],
			['In progress', '1'],
			['Review', '1'],
			['Done', '2']
		]);
		await expect.poll(() => card('Workload').textContent()).toContain('olivia');
		expect(await app.page.getByTestId('forecast').textContent()).toMatch(
			/likely by|No finished weeks|Nothing was finished/
		);
		await screenshot(app.page, 'analytics-desktop');
		await app.page.setViewportSize({ width: 360, height: 740 });
		await screenshot(app.page, 'analytics-phone');
		await app.page.setViewportSize({ width: 1280, height: 800 });
		expect(problems.pageErrors).toEqual([]);
	});

	it('works offline from this device’s data, and says so', async () => {
		await ctx.setOffline(true);
		await app.page.reload();
		await app.page.getByTestId('dashboard').waitFor();
		await app.page.getByTestId('source-device').waitFor();
		const bars = await card('Tasks by status').locator('svg title').allTextContents();
		expect(bars.map((t) => t.trim())).toContain('Done: 2');
		await ctx.setOffline(false);
	});
});
