/**
 * Custom fields in the browser: an admin defines fields on a project, sets values on tasks
 * in the task panel, and filters the board by one of them. Own user and workspace.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, recordProblems, screenshot } from './support/browser';
import { freshAccount } from './support/fresh-account';
import { AppPage } from './pages/app.page';
import { CustomFieldsPage } from './pages/custom-fields.page';

const baseUrl = inject('baseUrl');

describe('custom fields', () => {
	let browser: Browser;
	let ctx: BrowserContext;
	let app: AppPage;
	let cf: CustomFieldsPage;
	let user: { name: string; password: string };
	let projectUrl = '';

	beforeAll(async () => {
		user = await freshAccount('cf');
		browser = await launchBrowser();
		ctx = await newContext(browser, { viewport: 'desktop' });
		const page = await ctx.newPage();
		recordProblems(page);
		app = new AppPage(page, baseUrl);
		cf = new CustomFieldsPage(page);
		await app.login(user.name, user.password);
		projectUrl = await app.createProject('Field survey');
		await app.createTask({ title: 'Survey north well' });
		await app.createTask({ title: 'Survey south well' });
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('defines fields in the project dialog', async () => {
		await cf.openProjectDialog();
		await cf.addFields([
			{ name: 'Size', type: 'select', options: 'Small, Large' },
			{ name: 'Depth (m)', type: 'number' },
			{ name: 'Visit', type: 'date' }
		]);
		await screenshot(app.page, 'desktop-custom-fields-editor');
		await cf.saveProjectDialog();
		// Saved and shown again when the dialog reopens, in the same order.
		await cf.openProjectDialog();
		const names = await cf.dialog
			.getByPlaceholder('Field name')
			.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		expect(names).toEqual(['Size', 'Depth (m)', 'Visit']);
		await app.page.keyboard.press('Escape');
		await cf.dialog.waitFor({ state: 'detached' });
	});

	it('sets typed values on a task and refuses ones that do not fit', async () => {
		await app.openTask('Survey north well');
		await cf.setValue('Size', 'Large', 'select');
		await cf.setValue('Depth (m)', '12.5', 'input');
		await cf.input('Depth (m)').fill('deep');
		await cf.input('Depth (m)').blur();
		await app.page.getByText('Enter a number.').waitFor();
		await cf.setValue('Depth (m)', '14', 'input');
		expect(await app.page.getByText('Enter a number.').count()).toBe(0);
		await screenshot(app.page, 'desktop-custom-fields-task');
		await app.closeTask();

		await app.openTask('Survey south well');
		await cf.setValue('Size', 'Small', 'select');
		await app.closeTask();

		// Values survive a reload (they are in the local database, not only on screen).
		await app.page.reload();
		await app.openTask('Survey north well');
		expect(await cf.input('Size').inputValue()).toBe('Large');
		expect(await cf.input('Depth (m)').inputValue()).toBe('14');
		await app.closeTask();
	});

	it('filters the board by a select field', async () => {
		expect(await app.cardTitles()).toEqual(['Survey north well', 'Survey south well']);
		// Cards show choices compactly; numbers stay in the task panel.
		const chips = app.card('Survey north well').getByTestId('custom-chip');
		expect(await chips.allTextContents()).toEqual(['Large']);
		await cf.filterBySelect('Size', 'Large');
		await app.card('Survey south well').waitFor({ state: 'detached' });
		expect(await app.cardTitles()).toEqual(['Survey north well']);
		await screenshot(app.page, 'desktop-custom-fields-filter');
		await app.page.getByRole('button', { name: 'Clear filters' }).click();
		await app.card('Survey south well').waitFor();
	});

	it('works on a phone', async () => {
		await app.waitSynced();
		const phone = await newContext(browser, { viewport: 'phone' });
		const other = new AppPage(await phone.newPage(), baseUrl);
		await other.login(user.name, user.password);
		await other.page.goto(projectUrl);
		await other.card('Survey north well').waitFor();
		await other.openTask('Survey north well');
		await other.page.getByTestId('custom-fields').waitFor();
		expect(
			await other.page.getByTestId('custom-fields').getByLabel('Size', { exact: true }).inputValue()
		).toBe('Large');
		await screenshot(other.page, 'phone-custom-fields-task');
		await phone.close();
	});
});
