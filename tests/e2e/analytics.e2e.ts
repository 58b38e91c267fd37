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
	let projectUrl: string;

	beforeAll(async () => {
		browser = await launchBrowser();
		ctx = await newContext(browser);
		app = new AppPage(await ctx.newPage(), baseUrl);
		const res = await fetch(`${baseUrl}/api/setup`);
		const { needsSetup } = (await res.json()) as { needsSetup: boolean };
		if (needsSetup) await app.setup(OWNER.name, OWNER.password, 'Field crew');
		else await app.login(OWNER.name, OWNER.password);
		projectUrl = await app.createProject('Flow lab');
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

	it('keeps a past day’s scope from the server’s daily snapshot, and saves the target', async () => {
		// What the analytics worker would have written yesterday, before tasks were trashed.
		const [, ws, project] = /\/w\/([0-9a-z]+)\/analytics\?project=([0-9A-Z]+)/.exec(dashboardUrl)!;
		const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		const { user, password } = inject('admin');
		const id = `snapshot:${project}:${yesterday}`;
		const res = await fetch(`${inject('couchUrl')}/tf-ws-${ws}/${id}`, {
			method: 'PUT',
			headers: {
				authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
				'content-type': 'application/json'
			},
			body: JSON.stringify({
				_id: id,
				type: 'snapshot',
				project: `project:${project}`,
				day: yesterday,
				counts: { todo: 9, in_progress: 1, review: 0, done: 2 },
				remainingEstimate: 20,
				takenAt: `${yesterday}T23:00:00Z`
			})
		});
		expect(res.status).toBe(201);
		await app.page.goto(dashboardUrl);
		const burn = card('Burn-down');
		// The last figures show at once; the snapshot arrives with the server's (or, once
		// pulled, this device's) answer.
		await expect
			.poll(() => burn.getByTestId('burn-provenance').textContent(), { timeout: 20_000 })
			.toMatch(/1 of \d+ days from the server’s daily snapshots/);
		await burn.getByRole('button', { name: 'Table' }).click();
		const row = burn.getByTestId('chart-table').locator('tbody tr', { hasText: yesterday });
		const cells = await row.locator('th, td').allTextContents();
		expect(cells.map((c) => c.trim())).toEqual([yesterday, '12', '2', '10', 'daily snapshot']);

		await burn.getByRole('button', { name: 'Table' }).click(); // back to the chart

		// The target date is saved with the project, so it shows after a reload.
		const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
		await burn.getByLabel('Target date').fill(future);
		await burn.getByLabel('Target date').dispatchEvent('change');
		await expect.poll(() => burn.locator('.muted').first().textContent()).toMatch(/straight line/);
		await app.page.reload();
		await expect.poll(() => card('Burn-down').getByLabel('Target date').inputValue()).toBe(future);
		await card('Burn-down').scrollIntoViewIfNeeded();
		await screenshot(app.page, 'analytics-burndown-desktop');
		await app.page.setViewportSize({ width: 360, height: 740 });
		await card('Burn-down').scrollIntoViewIfNeeded();
		await screenshot(app.page, 'analytics-burndown-phone');
		await app.page.setViewportSize({ width: 1280, height: 800 });
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

	it('never passes saved figures off as current after a change on this device', async () => {
		// Offline this device is the only source: its saved figures must give way to a recount.
		await ctx.setOffline(true);
		await app.page.goto(projectUrl);
		await app.board.waitFor();
		await app.createTask({ title: 'Strip formwork', status: 'todo' });
		await app.page.goto(dashboardUrl);
		await app.page.locator('[data-fresh="true"]').waitFor();
		const bars = await card('Tasks by status').locator('svg title').allTextContents();
		expect(bars.map((t) => t.trim())).toContain('To do: 2');
		// Another read may start meanwhile (the page's stores settle): it says so while it
		// runs, and ends with the same figures.
		await expect
			.poll(async () => (await app.page.getByTestId('analytics-updating').textContent())?.trim())
			.toBe('');
		const settled = await card('Tasks by status').locator('svg title').allTextContents();
		expect(settled.map((t) => t.trim())).toContain('To do: 2');
		await ctx.setOffline(false);
	});
});
