/**
 * A column far longer than the screen: only the cards near its scroll position are in the
 * page, yet its count covers all of them, keyboard selection and Shift+arrow moves reach a
 * card that was not rendered, and scrolling brings the rest in. Own user and workspace.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, recordProblems, screenshot } from './support/browser';
import { freshAccount } from './support/fresh-account';
import { AppPage } from './pages/app.page';
import { ImportPage } from './pages/import.page';

const baseUrl = inject('baseUrl');
const COUNT = 150;
const title = (i: number) => `Survey point ${String(i).padStart(3, '0')}`;
const csv = ['Title', ...Array.from({ length: COUNT }, (_, i) => title(i + 1))].join('\r\n');

let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

describe('a long board column', () => {
	it('renders part of the column and still reaches every card', async () => {
		const user = await freshAccount('long');
		const ctx = await newContext(browser);
		try {
			const page = await ctx.newPage();
			const problems = recordProblems(page);
			const app = new AppPage(page, baseUrl);
			await app.login(user.name, user.password);
			const boardUrl = await app.createProject('Survey');
			const importer = new ImportPage(page);
			await importer.openFromProject();
			await importer.chooseFile('points.csv', csv);
			await importer.toReview();
			await importer.runImport();
			expect(await importer.count('report-created')).toBe(COUNT);
			await page.goto(boardUrl);
			const column = app.column('todo');
			await column.getByTestId('task-card').first().waitFor();

			await expect.poll(() => column.locator('.count').textContent()).toBe(String(COUNT));
			const rendered = await column.getByTestId('task-card').count();
			expect(rendered).toBeGreaterThan(3);
			expect(rendered).toBeLessThan(COUNT / 2);
			expect(await column.getByTestId('task-card').first().getAttribute('aria-setsize')).toBe(
				String(COUNT)
			);
			await screenshot(page, 'long-board desktop');

			// `k` with nothing selected picks the last card: far below the rendered ones.
			await page.locator('body').press('k');
			const last = app.card(title(COUNT));
			await expect.poll(() => last.getAttribute('aria-posinset')).toBe(String(COUNT));
			await expect
				.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
				.toBe(title(COUNT));
			await screenshot(page, 'long-board desktop last card selected');

			await page.keyboard.press('Shift+ArrowRight');
			await app
				.column('in_progress')
				.locator('[data-task-link]', { hasText: title(COUNT) })
				.waitFor();
			await expect.poll(() => column.locator('.count').textContent()).toBe(String(COUNT - 1));

			// Scrolling the column back to the top brings its first cards back in.
			await column.locator('.cards').evaluate((el) => (el.scrollTop = 0));
			await app.card(title(1)).waitFor();
			expect(await column.getByTestId('task-card').count()).toBeLessThan(COUNT / 2);
			expect(problems.pageErrors).toEqual([]);
		} finally {
			await ctx.close();
		}
	});

	it('fits the phone layout', async () => {
		const user = await freshAccount('longp');
		const ctx = await newContext(browser, { viewport: 'phone' });
		try {
			const page = await ctx.newPage();
			const app = new AppPage(page, baseUrl);
			await app.login(user.name, user.password);
			await app.createProject('Survey');
			const importer = new ImportPage(page);
			await importer.openFromProject();
			await importer.chooseFile('points.csv', csv);
			await importer.toReview();
			await importer.runImport();
			await importer.report.getByRole('link', { name: 'Open the project' }).click();
			const column = app.column('todo');
			await column.getByTestId('task-card').first().waitFor();
			expect(await column.getByTestId('task-card').count()).toBeLessThan(COUNT / 2);
			const width = await column.evaluate((el) => el.getBoundingClientRect().width);
			expect(width).toBeLessThanOrEqual(360);
			await screenshot(page, 'long-board phone');
		} finally {
			await ctx.close();
		}
	});
});
