/**
 * Search by meaning: with "By meaning" switched on (from the keyboard), a query that shares no
 * word with a task still finds it, unrelated tasks stay hidden, and switching it off goes back
 * to words only. The model runs in the app's worker; nothing leaves the browser.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './pages/app.page';
import { SuggestionsPage } from './pages/suggestions.page';
import {
	launchBrowser,
	newContext,
	recordProblems,
	screenshot,
	type PageProblems
} from './support/browser';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };
const PHOTOS = 'Replace the pictures on our web site front page';
const TONER = 'Order new printer toner';
const QUERY = 'update website homepage photos';

describe('search by meaning', () => {
	let browser: Browser;
	let app: AppPage;
	let ui: SuggestionsPage;
	let problems: PageProblems;

	beforeAll(async () => {
		browser = await launchBrowser();
		const page = await (await newContext(browser)).newPage();
		problems = recordProblems(page);
		app = new AppPage(page, baseUrl);
		ui = new SuggestionsPage(page);
		await app.setupOrLogin(OWNER.name, OWNER.password, 'Field crew');
		await app.createProject(`Meaning ${Date.now().toString(36)}`);
		await app.createTask({ title: PHOTOS });
		await app.createTask({ title: TONER });
		await app.card(TONER).waitFor();
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('finds a paraphrase that words alone miss, and only that', async () => {
		await ui.search(QUERY);
		await app.page.getByRole('heading', { name: 'No matching tasks' }).waitFor();
		expect(await ui.meaningToggle.getAttribute('aria-pressed')).toBe('false');

		// Keyboard only: Tab from the search box to the switch, Space to turn it on.
		await app.page.keyboard.press('Tab');
		await expect
			.poll(() => ui.meaningToggle.evaluate((el) => el === document.activeElement))
			.toBe(true);
		await app.page.keyboard.press('Space');
		await ui.meaningStatus('1 more task by meaning');
		expect(await ui.meaningToggle.getAttribute('aria-pressed')).toBe('true');
		expect(await app.cardTitles()).toEqual([PHOTOS]);
		await screenshot(app.page, 'ml-search-meaning-desktop');
		await app.page.setViewportSize({ width: 390, height: 844 });
		await screenshot(app.page, 'ml-search-meaning-phone');
		await app.page.setViewportSize({ width: 1280, height: 800 });

		// An exact word still matches by words, with meaning on.
		await ui.search('toner');
		await ui.meaningStatus('Nothing more by meaning');
		expect(await app.cardTitles()).toEqual([TONER]);

		await ui.search(QUERY);
		await ui.meaningStatus('1 more task by meaning');
		await ui.meaningToggle.click();
		await app.page.getByRole('heading', { name: 'No matching tasks' }).waitFor();
		expect(problems.pageErrors).toEqual([]);
	});
});
