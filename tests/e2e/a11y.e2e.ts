/**
 * Every main screen, in the light and the dark theme, has no serious or critical axe
 * violations (contrast, names, roles, labels).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { launchBrowser, newContext } from './support/browser';
import { AppPage } from './pages/app.page';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };

describe.each(['light', 'dark'] as const)('accessibility (%s theme)', (colorScheme) => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('has no serious or critical violations on the main screens', async () => {
		const ctx = await newContext(browser, { colorScheme, bypassCSP: true });
		const app = new AppPage(await ctx.newPage(), baseUrl);
		const found: Record<string, string[]> = {};
		const check = async (screen: string) => {
			const v = await seriousViolations(app.page);
			if (v.length) found[screen] = v;
		};

		const { needsSetup } = (await (await fetch(`${baseUrl}/api/setup`)).json()) as {
			needsSetup: boolean;
		};
		if (needsSetup) {
			await app.page.goto(`${baseUrl}/setup`);
			await app.page.locator('input[name=name]').waitFor();
			await check('setup');
			await app.setup(OWNER.name, OWNER.password, 'Field crew');
		} else {
			await app.page.goto(`${baseUrl}/login`);
			await app.page.locator('input[name=name]').waitFor();
			await check('login');
			await app.login(OWNER.name, OWNER.password);
		}
		await app.page.locator('main').first().waitFor();
		await check('workspace');
		await app.createProject(`A11y ${colorScheme}`);
		await app.createTask({
			title: 'Readable task',
			priority: 'urgent',
			tags: 'site',
			due: '2030-02-01'
		});
		await app.createTask({ title: 'Second task', status: 'done' });
		await check('board');
		await app.openTask('Readable task');
		await check('task');
		await app.closeTask();
		await app.page.locator('body').press('l');
		await app.page.getByTestId('task-list').waitFor();
		await check('list');
		await app.page.locator('body').press('n');
		await app.page.getByTestId('new-task-form').waitFor();
		await check('new task dialog');
		await app.page.keyboard.press('Escape');
		await app.page.locator('body').press('?');
		await app.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
		await check('shortcuts');
		await app.page.keyboard.press('Escape');
		// Time: a running timer in the header, the week grid with an entry, and the report.
		await app.page.locator('body').press('l');
		await app.page.getByTestId('task-row').first().click();
		await app.page.getByTestId('task-detail').waitFor();
		await app.page.getByTestId('task-time').getByTestId('timer-toggle').click();
		await app.page.getByTestId('header-timer').waitFor();
		await check('running timer');
		const ws = /\/w\/([0-9a-z]+)/.exec(app.page.url())![1]!;
		await app.page.goto(`${baseUrl}/w/${ws}/time`);
		await app.page.getByTestId('week-grid').waitFor();
		await app.page.getByRole('button', { name: 'Stop timer' }).first().click();
		await app.page.getByTestId('log-time').click();
		await app.page.getByTestId('entry-form').waitFor();
		await check('timesheet');
		await app.page.goto(`${baseUrl}/w/${ws}/time?view=report`);
		await app.page.getByTestId('report-totals').waitFor();
		await check('time report');
		await app.page.goto(`${baseUrl}/w/${ws}/analytics`);
		await app.page.getByTestId('dashboard').waitFor();
		await check('analytics');
		const heading = (name: string) =>
			app.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
		await app.page.goto(`${baseUrl}/w/${ws}/members`);
		await heading('Members');
		await app.page.getByTestId('members').waitFor();
		await check('members');
		await app.page.goto(`${baseUrl}/w/${ws}/import`);
		await heading('Import tasks');
		await check('import');
		await app.page.goto(`${baseUrl}/w/${ws}/backup`);
		await heading('Export and import');
		await check('export and import');
		await app.page.goto(`${baseUrl}/settings`);
		await heading('Settings');
		await app.page.getByRole('heading', { name: 'Calendar feed' }).waitFor();
		await check('settings');
		await ctx.close();
		expect(found).toEqual({});
	});
});
