/**
 * Export and import as an admin uses them: the tasks a filter shows as CSV, the whole
 * workspace as JSON, and that JSON imported into a new workspace from the UI, with an
 * invalid document skipped and listed. Runs in a workspace of its own.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, recordProblems, screenshot } from './support/browser';
import { AppPage } from './pages/app.page';
import { BackupPage, type Downloaded } from './pages/backup.page';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describe('export and import', () => {
	let browser: Browser;
	let app: AppPage;
	let backup: BackupPage;
	let problems: ReturnType<typeof recordProblems>;
	let wsId: string;
	let exported: Downloaded;
	const suffix = Date.now().toString(36);

	beforeAll(async () => {
		browser = await launchBrowser();
		const page = await (await newContext(browser, { acceptDownloads: true })).newPage();
		problems = recordProblems(page);
		app = new AppPage(page, baseUrl);
		backup = new BackupPage(page, baseUrl);
		const { needsSetup } = (await (await fetch(`${baseUrl}/api/setup`)).json()) as {
			needsSetup: boolean;
		};
		if (needsSetup) await app.setup(OWNER.name, OWNER.password, 'Field crew');
		else await app.login(OWNER.name, OWNER.password);
		const res = await page.request.post(`${baseUrl}/api/workspaces`, {
			data: { name: `Backup ${suffix}` }
		});
		wsId = ((await res.json()) as { id: string }).id;
		await page.goto(`${baseUrl}/w/${wsId}`);
		await app.createProject('Pumps');
		await app.createTask({ title: 'Inspect pump 3', priority: 'high', tags: 'field' });
		await app.createTask({ title: '=HYPERLINK("x") pump 4', description: 'Say "hi", ok' });
		await app.createTask({ title: 'Replace valve seals', priority: 'low' });
		await app.waitSynced();
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('exports the tasks the filter shows as CSV', async () => {
		await app.page.getByLabel('Search tasks', { exact: true }).fill('pump');
		await app.card('Replace valve seals').waitFor({ state: 'detached' });
		const csv = await backup.exportTasksCsv();
		expect(csv.name).toMatch(/^taskflow-pumps-tasks-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(csv.text.startsWith('\ufeffid,title,status,priority,assignee,due,start,')).toBe(true);
		const rows = Papa.parse<Record<string, string>>(csv.text.slice(1), {
			header: true,
			skipEmptyLines: true
		}).data;
		expect(rows.map((r) => r.title).sort()).toEqual(['\'=HYPERLINK("x") pump 4', 'Inspect pump 3']);
		const inspect = rows.find((r) => r.title === 'Inspect pump 3')!;
		expect(inspect).toMatchObject({ priority: 'high', tags: 'field', project: 'Pumps' });
		expect(rows.find((r) => r.title !== 'Inspect pump 3')!.description).toBe('Say "hi", ok');
		await app.page.setViewportSize(PHONE);
		await screenshot(app.page, 'export-tasks-csv-phone');
		await app.page.setViewportSize(DESKTOP);
		await screenshot(app.page, 'export-tasks-csv-desktop');
	});

	it('exports the workspace as JSON', async () => {
		await backup.open(wsId);
		exported = await backup.exportJson();
		expect(exported.name).toMatch(
			new RegExp(`^taskflow-backup-${suffix}-\\d{4}-\\d{2}-\\d{2}\\.json$`)
		);
		const file = JSON.parse(exported.text) as {
			format: string;
			workspace: { id: string; name: string };
			docs: { _id: string; _rev: string; type: string; title?: string; name?: string }[];
		};
		expect(file.format).toBe('taskflow-workspace');
		expect(file.workspace).toEqual({ id: wsId, name: `Backup ${suffix}` });
		expect(file.docs.every((d) => !d._id.startsWith('_') && d._rev)).toBe(true);
		const titles = file.docs.filter((d) => d.type === 'task').map((d) => d.title);
		expect(titles.sort()).toEqual([
			'=HYPERLINK("x") pump 4',
			'Inspect pump 3',
			'Replace valve seals'
		]);
		expect(file.docs.some((d) => d.type === 'project' && d.name === 'Pumps')).toBe(true);
		await screenshot(app.page, 'export-json-desktop');
	});

	it('imports the export into a new workspace and lists what it skipped', async () => {
		const file = JSON.parse(exported.text) as { docs: Record<string, unknown>[] };
		const task = file.docs.find((d) => d.type === 'task')!;
		const broken = { ...task, _id: 'task:01ZZZZZZZZZZZZZZZZZZZZZZZZ', priority: 'whenever' };
		const withBroken = { ...file, docs: [...file.docs, broken] };
		await backup.importFile(
			{ name: exported.name, text: JSON.stringify(withBroken) },
			`Restored ${suffix}`
		);
		expect(await backup.reportCount('written')).toBe(file.docs.length);
		expect(await backup.reportCount('already there')).toBe(0);
		expect(await backup.reportCount('skipped')).toBe(1);
		await expect
			.poll(() => backup.report.getByTestId('import-skipped').textContent())
			.toMatch(/task:01ZZZZZZZZZZZZZZZZZZZZZZZZ\s*task\.priority: /);
		await screenshot(app.page, 'import-report-desktop');
		await app.page.setViewportSize(PHONE);
		await screenshot(app.page, 'import-report-phone');
		await app.page.setViewportSize(DESKTOP);

		await backup.importCard.getByRole('link', { name: `Open Restored ${suffix}` }).click();
		await app.page.getByRole('link', { name: 'Pumps' }).first().click();
		await app.board.waitFor();
		await app.card('Replace valve seals').waitFor();
		expect(await app.cardTitles()).toEqual([
			'=HYPERLINK("x") pump 4',
			'Inspect pump 3',
			'Replace valve seals'
		]);
		expect(problems.pageErrors).toEqual([]);
	});
});
