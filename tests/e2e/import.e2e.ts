/**
 * Importing tasks as a team lead moving in from other tools: a Todoist CSV export (sections,
 * subtasks, notes) and a spreadsheet CSV mapped column by column, each into a fresh project.
 * Running the same import again says everything is already there and the board gains
 * nothing. Screenshots of the mapping screen and the report on desktop and phone.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import {
	launchBrowser,
	newContext,
	recordProblems,
	screenshot,
	VIEWPORTS
} from './support/browser';
import { AppPage } from './pages/app.page';
import { ImportPage } from './pages/import.page';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };
/** Makes this run's rows unique: the ids of imported tasks come from their content. */
const RUN = Date.now().toString(36);

async function signIn(app: AppPage): Promise<void> {
	const res = await fetch(`${baseUrl}/api/setup`);
	const { needsSetup } = (await res.json()) as { needsSetup: boolean };
	if (needsSetup) await app.setup(OWNER.name, OWNER.password, 'Field crew');
	else await app.login(OWNER.name, OWNER.password);
}

const todoistCsv = [
	'TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT,DEADLINE,DEADLINE_LANG',
	`task,Plan season ${RUN} @planning,Crews and vans,1,1,Olivia (39201234),Olivia (39201234),2026-03-02,en,Europe/Berlin,,,,`,
	`task,Book vans ${RUN},,2,2,Olivia (39201234),,,,,30,minute,,`,
	'note,Ask for the 9-seater,,,,Olivia (39201234),,,,,,,,',
	',,,,,,,,,,,,,',
	'section,Doing,,,,,,,,,,,,',
	`task,Service drills ${RUN},,3,1,Olivia (39201234),,every monday,en,Europe/Berlin,,,,`,
	`task,Order vests ${RUN},,9,1,Olivia (39201234),,,,,,,,`,
	'section,Done,,,,,,,,,,,,',
	`task,Renew permits ${RUN},,4,1,Olivia (39201234),,2026-01-15,en,Europe/Berlin,,,,`
].join('\r\n');

// A spreadsheet export: BOM, semicolons, a quoted cell with a line break, a header the
// guesser does not know ("Job").
const genericCsv =
	'\uFEFFJob;Details;State;Priority;Due Date;Labels\r\n' +
	`Inspect pump ${RUN};"Seals first.\r\nThen the impeller.";Open;High;2026-03-09;field, pump\r\n` +
	`Replace valves ${RUN};;Underway;urgent;12.03.2026;field\r\n` +
	`Write report ${RUN};;Finished;low;;report\r\n` +
	`Paint shed ${RUN};;Open;low;next week;\r\n` +
	';no title here;Open;;;\r\n';

describe('importing tasks', () => {
	let browser: Browser;
	let ctx: BrowserContext;
	let app: AppPage;
	let importer: ImportPage;
	let boardUrl = '';

	beforeAll(async () => {
		browser = await launchBrowser();
		ctx = await newContext(browser);
		const page = await ctx.newPage();
		app = new AppPage(page, baseUrl);
		importer = new ImportPage(page);
		await signIn(app);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('imports a Todoist export with sections, subtasks and notes', async () => {
		const problems = recordProblems(app.page);
		await app.createProject(`Todoist ${RUN}`);
		await importer.openFromProject();
		await importer.chooseFile('Field season.csv', todoistCsv);
		await expect.poll(() => app.page.getByText('Todoist CSV export').count()).toBe(1);
		await importer.toReview();
		expect(await importer.count('count-new')).toBe(4);
		expect(await importer.count('count-skipped')).toBe(1);
		await importer.runImport();
		expect(await importer.count('report-created')).toBe(4);
		expect(await importer.skippedLines()).toEqual([
			`Row 8 “Order vests ${RUN}” unknown priority “9” (Todoist uses 1–4)`
		]);

		await importer.report.getByRole('link', { name: 'Open the project' }).click();
		await app.board.waitFor();
		expect(await app.cardTitles()).toEqual(
			[
				`Book vans ${RUN}`,
				`Plan season ${RUN}`,
				`Renew permits ${RUN}`,
				`Service drills ${RUN}`
			].sort()
		);
		await expect
			.poll(() =>
				app
					.column('done')
					.locator('[data-task-link]', { hasText: `Renew permits ${RUN}` })
					.count()
			)
			.toBe(1);
		await expect
			.poll(() =>
				app
					.column('in_progress')
					.locator('[data-task-link]', { hasText: `Service drills ${RUN}` })
					.count()
			)
			.toBe(1);
		const detail = await app.openTask(`Book vans ${RUN}`);
		await detail.getByTestId('comment').filter({ hasText: 'Ask for the 9-seater' }).waitFor();
		await app.closeTask();
		// Replication probes its checkpoints first, which logs 404s for `_local` documents.
		expect(problems.pageErrors).toEqual([]);
		expect(problems.failedRequests).toEqual([]);
	});

	it('imports a mapped spreadsheet CSV once, however often it is run', async () => {
		const problems = recordProblems(app.page);
		await app.createProject(`Spreadsheet ${RUN}`);
		// createProject can return before the URL moves on from the previous board.
		await app.page.getByRole('heading', { name: `Spreadsheet ${RUN}` }).waitFor();
		boardUrl = app.page.url();
		await importer.openFromProject();
		await importer.chooseFile('jobs.csv', genericCsv);
		await importer.mapColumn('title', 'Job');
		await importer.mapStatus('Underway', 'in_progress');
		await screenshot(app.page, 'import-mapping-desktop');
		await importer.toReview();
		expect(await importer.count('count-new')).toBe(3);
		expect(await importer.count('count-skipped')).toBe(2);
		await importer.runImport();
		expect(await importer.count('report-created')).toBe(3);
		expect(await importer.skippedLines()).toEqual([
			`Row 5 “Paint shed ${RUN}” bad due date “next week”`,
			'Row 6 missing title'
		]);
		await screenshot(app.page, 'import-report-desktop');

		await importer.report.getByRole('button', { name: 'Import another file' }).click();
		await importer.chooseFile('jobs.csv', genericCsv);
		await importer.mapColumn('title', 'Job');
		await importer.mapStatus('Underway', 'in_progress');
		await importer.toReview();
		expect(await importer.count('count-new')).toBe(0);
		expect(await importer.count('count-already')).toBe(3);
		await importer.review.getByText('All 3 tasks in this file are already imported.').waitFor();

		await app.page.getByRole('link', { name: `← Spreadsheet ${RUN}` }).click();
		await app.board.waitFor();
		expect(await app.cardTitles()).toEqual(
			[`Inspect pump ${RUN}`, `Replace valves ${RUN}`, `Write report ${RUN}`].sort()
		);
		const detail = await app.openTask(`Inspect pump ${RUN}`);
		expect(await detail.textContent()).toContain('Then the impeller.');
		await app.closeTask();
		expect(problems.pageErrors).toEqual([]);
		expect(problems.failedRequests).toEqual([]);
	});

	it('fits a phone: mapping, review and report', async () => {
		const phone = await browser.newContext({
			...VIEWPORTS.phone,
			viewport: { width: 390, height: 844 }
		});
		const page = await phone.newPage();
		const mobile = new AppPage(page, baseUrl);
		const phoneImport = new ImportPage(page);
		await mobile.login(OWNER.name, OWNER.password);
		await page.goto(boardUrl);
		await mobile.board.waitFor();
		await mobile.waitSynced();
		await phoneImport.openFromProject();
		await phoneImport.chooseFile('jobs.csv', genericCsv);
		await phoneImport.mapColumn('title', 'Job');
		await phoneImport.mapStatus('Underway', 'in_progress');
		await screenshot(page, 'import-mapping-phone');
		await phoneImport.toReview();
		expect(await phoneImport.count('count-already')).toBe(3);
		await screenshot(page, 'import-review-phone');

		await phoneImport.review.getByRole('button', { name: 'Choose another file' }).click();
		await phoneImport.chooseFile('more.csv', `Job;State\r\nCheck fences ${RUN};Open\r\n`);
		await phoneImport.mapColumn('title', 'Job');
		await phoneImport.toReview();
		await phoneImport.runImport();
		expect(await phoneImport.count('report-created')).toBe(1);
		await screenshot(page, 'import-report-phone');
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBe(0);
		await phone.close();
	});
});
