/**
 * Time tracking as a crew member uses it: a timer that keeps running through a reload and a
 * spell offline, a timesheet that adds up, quick entry in its cells, a CSV export with the
 * right totals, and timers started on two offline devices that the person reconciles.
 * The browser's clock is Playwright's, so "an hour and a half later" takes no time.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, recordProblems, screenshot } from './support/browser';
import { AppPage } from './pages/app.page';
import { TimePage } from './pages/time.page';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };
const ZONE = 'Europe/Berlin';

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

/** `h:mm:ss` → seconds. */
const seconds = (t: string) => t.split(':').reduce((n, part) => n * 60 + Number(part), 0);

describe('time tracking', () => {
	let browser: Browser;
	let ctx: BrowserContext;
	let app: AppPage;
	let time: TimePage;
	let boardUrl: string;

	beforeAll(async () => {
		browser = await launchBrowser();
		ctx = await newContext(browser, { timezoneId: ZONE });
		await ctx.clock.install();
		const page = await ctx.newPage();
		app = new AppPage(page, baseUrl);
		time = new TimePage(page, baseUrl);
		await signIn(app);
		boardUrl = await app.createProject('Pump station');
		await app.createTask({ title: 'Inspect pump 3' });
		await app.createTask({ title: 'Replace valve seals' });
		await app.waitSynced();
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('keeps a timer running through a reload and offline, then logs it to the timesheet and CSV', async () => {
		const problems = recordProblems(app.page);
		await time.startFromCard('Inspect pump 3');
		expect(await app.page.title()).toMatch(/^▶ 0:00:\d\d · /);

		await ctx.clock.fastForward('01:30:00');
		await app.page.reload();
		await time.headerTimer.waitFor();
		expect(seconds(await time.headerElapsed())).toBeGreaterThanOrEqual(90 * 60);
		expect(await time.headerTimer.textContent()).toContain('Inspect pump 3');

		await setOffline(ctx, app, true);
		await app.page.reload();
		await time.headerTimer.waitFor();
		await ctx.clock.fastForward('00:15:00');
		await expect
			.poll(async () => seconds(await time.headerElapsed()))
			.toBeGreaterThanOrEqual(105 * 60);
		await setOffline(ctx, app, false);
		await app.waitSynced();

		await time.stopFromHeader();
		expect(await app.page.title()).not.toMatch(/^▶/);
		await time.openTimesheet();
		await expect.poll(() => time.rowTotal('Inspect pump 3')).toBe('1:45');
		const entry = time.entries('Inspect pump 3');
		await expect.poll(() => entry.count()).toBe(1);
		expect(await entry.textContent()).toContain('1:45');
		await screenshot(app.page, 'time-week-desktop');

		await time.openTimesheet('report');
		// Other tests may log time in this workspace too: report on this project only.
		await app.page
			.getByRole('group', { name: 'Report filters' })
			.getByLabel('Project')
			.selectOption({ label: 'Pump station' });
		await expect.poll(() => app.page.getByTestId('report-totals').textContent()).toContain('1.75');
		const csv = await time.exportCsv();
		expect(csv.name).toMatch(/^taskflow-time-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
		const [header, ...rows] = csv.text.trimEnd().split('\r\n');
		expect(header).toBe('date,member,project,task,note,hours,billable,rate,amount,start,end');
		expect(rows).toHaveLength(1);
		const cols = rows[0]!.split(',');
		expect(cols.slice(1, 9)).toEqual([
			'olivia',
			'Pump station',
			'Inspect pump 3',
			'',
			'1.75',
			'yes',
			'0.00',
			'0.00'
		]);
		// ISO 8601 with the offset of the person's zone (Berlin: +01:00 or +02:00).
		expect(cols[9]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
		// Real seconds pass between the clicks, on top of the 105 minutes the clock skipped.
		const ran = Date.parse(cols[10]!) - Date.parse(cols[9]!);
		expect(ran).toBeGreaterThanOrEqual(105 * 60_000);
		expect(ran).toBeLessThan(106 * 60_000);
		expect(cols[0]).toBe(cols[9]!.slice(0, 10));
		expect(problems.pageErrors).toEqual([]);
	});

	it('takes quick entries in the week grid and explains bad ones', async () => {
		await time.openTimesheet();
		await app.page.getByTestId('add-task-row').click();
		await app.page.getByRole('combobox', { name: 'Task' }).fill('valve');
		await app.page.keyboard.press('Enter');
		const day = await app.page
			.getByTestId('week-grid')
			.locator('thead th')
			.evaluateAll((ths) => ths.findIndex((th) => th.classList.contains('today')) - 1);
		const cell = time.cell('Replace valve seals', day);
		await cell.fill('lots');
		await cell.press('Tab');
		await expect.poll(() => app.page.getByRole('alert').first().textContent()).toMatch(/1h30/);
		const weekBefore = await time.weekTotal.textContent();
		await cell.fill('0:45');
		await cell.press('Tab');
		await expect.poll(() => time.rowTotal('Replace valve seals')).toBe('0:45');
		await expect.poll(() => cell.inputValue()).toBe('0:45');
		expect(await time.weekTotal.textContent()).not.toBe(weekBefore);
		// A new total for a cell with one entry resizes that entry.
		await cell.fill('1h');
		await cell.press('Enter');
		await expect.poll(() => time.rowTotal('Replace valve seals')).toBe('1:00');
		await expect.poll(() => time.entries('Replace valve seals').count()).toBe(1);
		await app.page.setViewportSize({ width: 360, height: 740 });
		await screenshot(app.page, 'time-week-phone');
		await app.page.setViewportSize({ width: 1280, height: 800 });
	});

	it('tracks a sample week by hand, with rates, and exports it', async () => {
		// Rates: the project bills 80 an hour, olivia 95.
		await app.page.goto(boardUrl);
		await app.page.locator('summary[aria-label="Project actions"]').click();
		await app.page.getByRole('button', { name: 'Rename / edit' }).click();
		const dialog = app.page.getByRole('dialog');
		await dialog.locator('input[name=rate]').fill('80');
		await dialog.getByRole('button', { name: '+ Rate for a member' }).click();
		await dialog.getByLabel('Member', { exact: true }).fill('olivia');
		await dialog.getByRole('textbox', { name: 'Rate for olivia' }).fill('95');
		await dialog.getByRole('button', { name: 'Save' }).click();
		await dialog.waitFor({ state: 'hidden' });

		await time.openTimesheet();
		await app.page.getByRole('button', { name: 'Previous week' }).click();
		await expect.poll(() => time.weekTotal.textContent()).toBe('0:00');
		for (const task of ['Inspect pump 3', 'Replace valve seals']) {
			await app.page.getByTestId('add-task-row').click();
			await app.page.getByRole('combobox', { name: 'Task' }).fill(task);
			await app.page.keyboard.press('Enter');
		}
		// What is typed Monday to Friday, and how the cell shows it once saved.
		const week: Record<string, [string, string][]> = {
			'Inspect pump 3': [
				['2h', '2:00'],
				['1h30', '1:30'],
				['3', '3:00'],
				['', ''],
				['0:45', '0:45']
			],
			'Replace valve seals': [
				['1', '1:00'],
				['', ''],
				['2h15', '2:15'],
				['4', '4:00'],
				['1.5', '1:30']
			]
		};
		for (const [task, days] of Object.entries(week)) {
			for (const [day, [typed, shown]] of days.entries()) {
				if (!typed) continue;
				const cell = time.cell(task, day);
				await cell.fill(typed);
				await cell.press('Tab');
				await expect.poll(() => cell.inputValue()).toBe(shown);
			}
		}
		await expect.poll(() => time.rowTotal('Inspect pump 3')).toBe('7:15');
		await expect.poll(() => time.rowTotal('Replace valve seals')).toBe('8:45');
		await expect.poll(() => time.weekTotal.textContent()).toBe('16:00');
		// Thursday's four hours were not billable.
		const thursday = time.entries('Replace valve seals').filter({ hasText: '4:00' });
		await thursday.getByRole('button', { name: /^Edit entry/ }).click();
		const form = app.page.getByTestId('entry-form');
		await form.getByLabel('Billable').uncheck();
		await form.getByRole('button', { name: 'Save' }).click();
		await form.waitFor({ state: 'detached' });
		await expect.poll(() => thursday.textContent()).toContain('non-billable');
		await screenshot(app.page, 'time-sample-week-desktop');

		await time.openTimesheet('report');
		await app.page.getByRole('radio', { name: 'Last week' }).click();
		await app.page
			.getByRole('group', { name: 'Report filters' })
			.getByLabel('Project')
			.selectOption({ label: 'Pump station' });
		const totals = app.page.getByTestId('report-totals');
		await expect.poll(() => totals.textContent()).toMatch(/Hours\s*16\.00/);
		expect(await totals.textContent()).toMatch(/Billable hours\s*12\.00/);
		expect(await totals.textContent()).toMatch(/Amount\s*1,140\.00/);
		await screenshot(app.page, 'time-report-desktop');
		const csv = await time.exportCsv();
		await mkdir('test-results', { recursive: true });
		await writeFile('test-results/time-sample-week.csv', csv.text);
		const rows = csv.text
			.trimEnd()
			.split('\r\n')
			.slice(1)
			.map((line) => line.split(','));
		expect(rows).toHaveLength(8);
		const total = (col: number) => rows.reduce((n, r) => n + Number(r[col]), 0);
		expect(total(5).toFixed(2)).toBe('16.00');
		expect(total(8).toFixed(2)).toBe('1140.00');
		expect(rows.filter((r) => r[6] === 'no')).toEqual([
			expect.arrayContaining(['Replace valve seals', '4.00', 'no', '95.00', '0.00'])
		]);
		expect(new Set(rows.map((r) => r[7]))).toEqual(new Set(['95.00']));

		await app.page.setViewportSize({ width: 360, height: 740 });
		await screenshot(app.page, 'time-report-phone');
		await app.page.setViewportSize({ width: 1280, height: 800 });
	});

	it('shows timers started on two offline devices and lets the person choose', async () => {
		const ctxB = await newContext(browser, { timezoneId: ZONE });
		const b = new AppPage(await ctxB.newPage(), baseUrl);
		const timeB = new TimePage(b.page, baseUrl);
		await b.login(OWNER.name, OWNER.password);
		await b.page.goto(boardUrl);
		await b.card('Replace valve seals').waitFor();
		await b.waitSynced();
		await app.page.goto(boardUrl);
		await app.card('Inspect pump 3').waitFor();

		await setOffline(ctx, app, true);
		await setOffline(ctxB, b, true);
		await time.startFromCard('Inspect pump 3');
		await timeB.startFromCard('Replace valve seals');
		await setOffline(ctx, app, false);
		await setOffline(ctxB, b, false);

		const conflict = app.page.getByTestId('timer-conflict');
		await conflict.waitFor({ timeout: 20_000 });
		expect(await conflict.textContent()).toContain('2 timers running');
		await conflict.click();
		const dialog = app.page.getByRole('dialog');
		await expect.poll(() => dialog.getByRole('radio').count()).toBe(2);
		// Keep the one started here; the other stops now, keeping its time.
		const keepHere = dialog.locator('li').filter({ hasText: 'Inspect pump 3' }).getByRole('radio');
		await keepHere.check();
		await dialog.locator('select').selectOption('until-now');
		await dialog.getByRole('button', { name: 'Apply' }).click();
		await conflict.waitFor({ state: 'detached' });
		expect(await time.headerTimer.textContent()).toContain('Inspect pump 3');
		// The other device follows: its own timer stopped, the kept one shows, no conflict.
		await b.page.waitForFunction(
			() =>
				document
					.querySelector('[data-testid=header-timer]')
					?.textContent?.includes('Inspect pump 3') &&
				!document.querySelector('[data-testid=timer-conflict]'),
			undefined,
			{ timeout: 20_000 }
		);
		await time.stopFromHeader();
		await timeB.headerTimer.waitFor({ state: 'detached', timeout: 20_000 });
		// Both timers' time was kept: nothing was discarded without the person choosing it.
		await time.openTimesheet();
		await expect.poll(() => time.entries('Inspect pump 3').count()).toBe(2);
		await expect.poll(() => time.entries('Replace valve seals').count()).toBe(2);
		await ctxB.close();
	});
});
