/**
 * Never lose an edit: two devices of one user edit the same tasks while offline and
 * reconnect. Different fields are both kept; for the same field the later edit wins and
 * the other is in history, restorable with one click; an edit racing a delete keeps the
 * task and says so. Undo and the trash bring back moves and deletes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, screenshot } from './support/browser';
import { AppPage } from './pages/app.page';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };

async function signIn(app: AppPage): Promise<void> {
	const res = await fetch(`${baseUrl}/api/setup`);
	const { needsSetup } = (await res.json()) as { needsSetup: boolean };
	if (needsSetup) await app.setup(OWNER.name, OWNER.password, 'Field crew');
	else await app.login(OWNER.name, OWNER.password);
}

async function offline(ctx: BrowserContext, app: AppPage, off: boolean): Promise<void> {
	await ctx.setOffline(off);
	if (off) {
		await app.page.waitForFunction(
			() =>
				document.querySelector('[data-testid=sync-indicator]')?.getAttribute('data-phase') ===
				'offline'
		);
	}
}

describe('conflicts and durability', () => {
	let browser: Browser;
	let ctxA: BrowserContext;
	let ctxB: BrowserContext;
	let a: AppPage;
	let b: AppPage;

	beforeAll(async () => {
		browser = await launchBrowser();
		ctxA = await newContext(browser);
		ctxB = await newContext(browser);
		a = new AppPage(await ctxA.newPage(), baseUrl);
		b = new AppPage(await ctxB.newPage(), baseUrl);
		await signIn(a);
		const url = await a.createProject('Conflict drill');
		await a.createTask({ title: 'Shared task' });
		await a.createTask({ title: 'Doomed task' });
		await a.waitSynced();
		await b.login(OWNER.name, OWNER.password);
		await b.page.goto(url);
		await b.card('Doomed task').waitFor();
		await b.waitSynced();
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('keeps both edits to different fields, the later one of the same field, and restores the other', async () => {
		await offline(ctxA, a, true);
		await offline(ctxB, b, true);
		let d = await a.openTask('Shared task');
		await d.locator('select[name=priority]').selectOption('high');
		await d.locator('textarea[name=title]').fill('Title from A');
		await d.locator('textarea[name=title]').press('Enter');
		await a.closeTask();
		await b.page.waitForTimeout(20); // B's title edit is the later one
		d = await b.openTask('Shared task');
		await d.locator('select[name=status]').selectOption('review');
		await d.locator('textarea[name=title]').fill('Title from B');
		await d.locator('textarea[name=title]').press('Enter');
		await b.closeTask();

		await offline(ctxA, a, false);
		await offline(ctxB, b, false);
		for (const app of [a, b]) {
			await app
				.column('review')
				.getByTestId('task-card')
				.filter({ hasText: 'Title from B' })
				.filter({ hasText: 'High' })
				.waitFor({ timeout: 30_000 });
		}
		await a.waitSynced(30_000);
		await b.waitSynced(30_000);

		// The losing title is in A's history with a one-click restore, and the merge is shown.
		d = await a.openTask('Title from B');
		await a.page.getByTestId('merge-notice').waitFor();
		await screenshot(a.page, 'desktop-merge-notice');
		await a.page.getByTestId('merge-notice').getByRole('button', { name: 'View' }).click();
		const entry = a.page
			.getByTestId('task-history')
			.locator('li[data-action=merge]')
			.filter({ hasText: 'Title from A' });
		await entry.getByRole('button', { name: 'Restore' }).click();
		await a.closeTask();
		await b.card('Title from A').waitFor({ timeout: 20_000 });
	});

	it('keeps a task edited on one device while deleted on the other, and says so', async () => {
		await offline(ctxA, a, true);
		await offline(ctxB, b, true);
		let d = await a.openTask('Doomed task');
		await d.getByRole('button', { name: 'Delete' }).last().click();
		await a.card('Doomed task').waitFor({ state: 'detached' });
		d = await b.openTask('Doomed task');
		await d.locator('select[name=priority]').selectOption('urgent');
		await b.closeTask();

		await offline(ctxA, a, false);
		await offline(ctxB, b, false);
		await a.card('Doomed task').filter({ hasText: 'Urgent' }).waitFor({ timeout: 30_000 });
		await b.card('Doomed task').waitFor();
		d = await a.openTask('Doomed task');
		await expect(a.page.getByTestId('merge-notice').textContent()).resolves.toMatch(
			/deleted elsewhere while being edited/
		);
		await a.closeTask();
	});

	it('undoes a move with Ctrl+Z and restores a deleted task from the trash', async () => {
		await a.waitSynced(30_000);
		const d = await a.openTask('Title from A');
		await d.locator('select[name=status]').selectOption('done');
		await a.closeTask();
		await a.column('done').getByTestId('task-card').filter({ hasText: 'Title from A' }).waitFor();
		await a.page.keyboard.press('Control+z');
		await a.column('review').getByTestId('task-card').filter({ hasText: 'Title from A' }).waitFor();

		await a.openTask('Doomed task');
		await a.page.getByTestId('task-detail').getByRole('button', { name: 'Delete' }).last().click();
		await a.card('Doomed task').waitFor({ state: 'detached' });
		await a.page.locator('summary[aria-label="Project actions"]').click();
		await a.page.getByRole('button', { name: /^Trash \(1\)$/ }).click();
		await a.page.getByTestId('trash-list').getByRole('button', { name: 'Restore' }).click();
		await a.card('Doomed task').waitFor();
		await b.card('Doomed task').waitFor({ timeout: 20_000 });
	});

	it('says the device is out of space when it is, and keeps what was typed', async () => {
		// Headless Chromium ignores CDP's quota override, so the device is filled the way a
		// full disk looks to the app: every IndexedDB write transaction aborts (as PouchDB
		// then reports it, "unknown_error: transaction was aborted") and the storage estimate
		// shows no room left.
		const ctx = await newContext(browser);
		/* eslint-disable @typescript-eslint/unbound-method -- wrapping the prototypes' own methods */
		await ctx.addInitScript(() => {
			const w = window as unknown as { __diskFull?: boolean };
			const put = IDBObjectStore.prototype.put;
			IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
				const req = put.apply(this, args);
				if (w.__diskFull) this.transaction.abort();
				return req;
			} as typeof put;
			const estimate = StorageManager.prototype.estimate;
			StorageManager.prototype.estimate = function (this: StorageManager) {
				return w.__diskFull
					? Promise.resolve({ quota: 2e9, usage: 2e9 - 4096 })
					: estimate.call(this);
			};
		});
		/* eslint-enable @typescript-eslint/unbound-method */
		const c = new AppPage(await ctx.newPage(), baseUrl);
		await c.login(OWNER.name, OWNER.password);
		await c.page.goto(a.page.url());
		await c.card('Doomed task').waitFor();
		await c.waitSynced();
		await c.page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = true));
		await c.page.keyboard.press('Escape');
		await c.page.locator('body').press('n');
		const form = c.page.getByTestId('new-task-form');
		await form.locator('input[name=title]').fill('Written on a full phone');
		await form.locator('textarea[name=description]').fill('Pump log.');
		await form.getByRole('button', { name: 'Create task' }).click();
		await c.page.getByText(/out of storage space, so the change was not saved/).waitFor();
		await screenshot(c.page, 'storage-full-desktop');
		expect(await form.locator('input[name=title]').inputValue()).toBe('Written on a full phone');
		expect(await c.page.getByText(/unknown_error|\{"status"/).count()).toBe(0);
		// Room again: the same form saves, and nothing saved before was touched.
		await c.page.evaluate(
			() => ((window as unknown as { __diskFull: boolean }).__diskFull = false)
		);
		await form.getByRole('button', { name: 'Create task' }).click();
		await c.card('Written on a full phone').waitFor();
		await c.card('Doomed task').waitFor();
		await ctx.close();
	});
});
