/** Page object for workspace backup: JSON export, import into a new workspace, tasks CSV. */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** A file the page downloaded: its suggested name and its text. */
export interface Downloaded {
	name: string;
	text: string;
}

export class BackupPage {
	constructor(
		readonly page: Page,
		readonly baseUrl: string
	) {}

	async open(wsId: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/w/${wsId}/backup`);
		await this.exportCard.waitFor();
	}

	get exportCard(): Locator {
		return this.page.getByTestId('export-card');
	}

	get importCard(): Locator {
		return this.page.getByTestId('import-card');
	}

	get report(): Locator {
		return this.page.getByTestId('import-report');
	}

	/** Runs `action` and returns what it downloaded. */
	async download(action: () => Promise<void>): Promise<Downloaded> {
		const [file] = await Promise.all([this.page.waitForEvent('download'), action()]);
		const path = await file.path();
		return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
	}

	async exportJson(): Promise<Downloaded> {
		const file = await this.download(() =>
			this.page.getByRole('button', { name: 'Export workspace (JSON)' }).click()
		);
		await this.exportCard.getByRole('status').filter({ hasText: 'Exported' }).waitFor();
		return file;
	}

	/** The project page's "export tasks as CSV" (the tasks the filter shows). */
	exportTasksCsv(): Promise<Downloaded> {
		return this.download(() => this.page.getByTestId('export-tasks-csv').click());
	}

	/** Picks an export file, names the new workspace, imports, and waits for the report. */
	async importFile(file: { name: string; text: string }, workspaceName: string): Promise<void> {
		await this.importCard.getByLabel('Export file', { exact: true }).setInputFiles({
			name: file.name,
			mimeType: 'application/json',
			buffer: Buffer.from(file.text)
		});
		await this.importCard.getByTestId('import-summary').waitFor();
		await this.importCard
			.getByLabel('Name of the new workspace', { exact: true })
			.fill(workspaceName);
		await this.importCard.getByRole('button', { name: 'Create workspace and import' }).click();
		await this.report.waitFor();
	}

	/** The report's count for `label` ("written", "already there", "skipped"). */
	async reportCount(label: string): Promise<number> {
		const item = this.report.locator('.counts li').filter({ hasText: label });
		return Number(await item.locator('strong').textContent());
	}
}
