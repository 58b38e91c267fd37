/**
 * Two tabs of the app on one device write to the same local database. PouchDB's
 * `indexeddb` adapter kept the database's update sequence in each tab's memory, so a tab
 * that wrote after the other one had reused a sequence number: IndexedDB refused the write
 * ("transaction was aborted") and the edit was lost (apache/pouchdb#8494). TaskFlow patches
 * the adapter to read the sequence inside each write (patches/); this checks it in Chromium.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, recordProblems, type PageProblems } from './support/browser';
import { freshAccount } from './support/fresh-account';
import { AppPage } from './pages/app.page';

const baseUrl = inject('baseUrl');

describe('two tabs on one device', () => {
	let browser: Browser;
	let context: BrowserContext;
	let first: AppPage;
	let second: AppPage;
	const problems: PageProblems[] = [];

	beforeAll(async () => {
		const user = await freshAccount('tabs');
		browser = await launchBrowser();
		context = await newContext(browser);
		first = new AppPage(await context.newPage(), baseUrl);
		await first.login(user.name, user.password);
		await first.createProject('Two tabs');
		second = new AppPage(await context.newPage(), baseUrl);
		await second.page.goto(first.page.url());
		await second.board.waitFor();
		problems.push(recordProblems(first.page), recordProblems(second.page));
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('keeps every edit when both tabs write, in turn and at once', async () => {
		// Unrelated titles: alike ones would stop at the possible-duplicate warning.
		const inTurn = [
			'Inspect north pier bearings',
			'Order replacement bolts',
			'Survey deck drainage',
			'Write weekly report',
			'Paint the railings',
			'Book the crane'
		];
		const atOnce = [
			['Renew site insurance', 'Calibrate the level'],
			['Clear storm drains', 'Print safety signs'],
			['Test fire alarms', 'Collect soil samples']
		] as const;
		// In turn: each tab writes after the other one has.
		for (const [i, title] of inTurn.entries()) {
			const tab = i % 2 === 0 ? first : second;
			// The tab in front: a background tab gets no animation frames, which Playwright's
			// actions wait for.
			await tab.page.bringToFront();
			await tab.createTask({ title });
			await tab.card(title).waitFor();
		}
		// At once: both tabs have a new task filled in, and both are saved with one click each,
		// side by side.
		for (const pair of atOnce) {
			const forms = [];
			for (const [i, tab] of [first, second].entries()) {
				await tab.page.bringToFront();
				await tab.page.getByTitle('New task (n)').click();
				const form = tab.page.getByTestId('new-task-form');
				await form.locator('input[name=title]').fill(pair[i]!);
				forms.push(form);
			}
			// A plain DOM click: the tab behind has no animation frames for Playwright's checks.
			await Promise.all(
				forms.map((f) => f.getByRole('button', { name: 'Create task' }).dispatchEvent('click'))
			);
			await Promise.all(forms.map((f) => f.waitFor({ state: 'detached' })));
		}
		const titles = [...inTurn, ...atOnce.flat()];

		for (const tab of [first, second]) {
			await tab.page.bringToFront();
			for (const title of titles) await tab.card(title).waitFor();
		}
		await second.page.reload();
		await second.card(titles.at(-1)!).waitFor();
		await expect(second.cardTitles()).resolves.toEqual([...titles].sort());
		await first.page.bringToFront();
		await first.waitSynced();
		for (const p of problems) expect(p.pageErrors).toEqual([]);
	});
});
