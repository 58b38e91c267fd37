/**
 * The assistant in use: writing a task that repeats an open one shows it as a possible
 * duplicate before saving; a priority suggestion explains itself, changes nothing until
 * accepted, and accepting stores the value with its provenance on the task (read back from
 * the server through the door).
 */
import type { Browser, Page } from 'playwright-core';
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
const EXISTING = 'Replace the leaking water pump seal at station seven';
const URGENT = 'Production outage: sensor gateway crashes on boot';

/** The task with `title` as the server has it (read through the door, as a device would). */
async function serverTask(page: Page, title: string): Promise<Record<string, unknown> | undefined> {
	const ws = /\/w\/([0-9a-z]+)/.exec(page.url())?.[1];
	const range = new URLSearchParams({
		include_docs: 'true',
		startkey: JSON.stringify('task:'),
		endkey: JSON.stringify('task:\ufff0')
	});
	const res = await page.request.get(`${baseUrl}/db/tf-ws-${ws}/_all_docs?${range}`);
	expect(res.ok()).toBe(true);
	const rows = ((await res.json()) as { rows: { doc: Record<string, unknown> }[] }).rows;
	return rows.map((r) => r.doc).find((d) => d.title === title);
}

describe('ML suggestions', () => {
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
		await app.createProject(`Assistant ${Date.now().toString(36)}`);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('shows a similar open task as a possible duplicate before saving', async () => {
		await app.createTask({ title: EXISTING, description: 'Seal drips under load.' });
		await app.card(EXISTING).waitFor();
		const form = await ui.draftTask('Replace leaking water pump seal at station seven');
		expect(await ui.duplicateTitles()).toContain(EXISTING);
		await screenshot(app.page, 'ml-duplicates-desktop');
		await app.page.setViewportSize({ width: 390, height: 844 });
		await screenshot(app.page, 'ml-duplicates-phone');
		await app.page.setViewportSize({ width: 1280, height: 800 });
		await form.getByRole('button', { name: 'Cancel' }).click();
		expect(await app.cardTitles()).not.toContain(
			'Replace leaking water pump seal at station seven'
		);
	});

	it('accepts a priority suggestion and stores it with its provenance', async () => {
		const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		await app.createTask({ title: URGENT, priority: 'low', due: yesterday });
		const detail = await app.openTask(URGENT);
		const suggestion = await ui.prioritySuggestion();
		expect(await suggestion.textContent()).toMatch(/Priority\s*Urgent/);
		expect(await suggestion.textContent()).toMatch(/Overdue by 1 day/);
		// Shown, not applied: the field keeps what the person chose.
		expect(await detail.locator('select[name=priority]').inputValue()).toBe('low');
		await screenshot(app.page, 'ml-suggestions-desktop');
		await app.page.setViewportSize({ width: 390, height: 844 });
		await screenshot(app.page, 'ml-suggestions-phone');
		await app.page.setViewportSize({ width: 1280, height: 800 });

		await ui.acceptPriority();
		expect(await detail.locator('select[name=priority]').inputValue()).toBe('urgent');
		await app.waitSynced();
		const stored = await serverTask(app.page, URGENT);
		expect(stored?.priority).toBe('urgent');
		const [record, ...more] = stored?.suggestions as Record<string, unknown>[];
		expect(more).toEqual([]);
		expect(record).toMatchObject({
			field: 'priority',
			value: 'urgent',
			model: 'taskflow-heads@1+taskflow/glove-100d',
			accepted: true
		});
		expect(record?.confidence).toBeGreaterThan(0);

		// The workspace's members page (its settings) reports how often suggestions are taken.
		await app.openMembers(/\/w\/([0-9a-z]+)/.exec(app.page.url())![1]!);
		const stats = app.page.getByTestId('suggestion-stats');
		await stats.getByText(/% accepted/).waitFor();
		expect(await stats.textContent()).toMatch(/\b[1-9]\d* of [1-9]\d* decided suggestions/);
		await screenshot(app.page, 'ml-acceptance-desktop');
		expect(problems.pageErrors).toEqual([]);
	});
});
