/** Page object for the Import screen: choose a file, map it, review, import, read the report. */
import type { Locator, Page } from 'playwright-core';

export class ImportPage {
	constructor(readonly page: Page) {}

	/** From an open project board, through the project menu. */
	async openFromProject(): Promise<void> {
		// The menu is a <details>; its <summary> is not role=button.
		await this.page.locator('summary[aria-label="Project actions"]').click();
		await this.page.getByRole('link', { name: 'Import tasks…' }).click();
		await this.page.getByRole('heading', { name: 'Import tasks' }).waitFor();
	}

	/** Chooses a file with the given content; waits for the mapping step. */
	async chooseFile(name: string, content: string): Promise<void> {
		await this.page.locator('input[name=file]').setInputFiles({
			name,
			mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
			buffer: Buffer.from(content, 'utf8')
		});
		await this.page.getByRole('button', { name: 'Review import' }).waitFor();
	}

	/** Maps a TaskFlow field (`title`, `status`, …) to the column with header `column`. */
	async mapColumn(field: string, column: string): Promise<void> {
		await this.page.locator(`select[name=map-${field}]`).selectOption({ label: column });
	}

	async mapStatus(value: string, status: string): Promise<void> {
		await this.page.locator(`select[name="status-${value}"]`).selectOption(status);
	}

	get review(): Locator {
		return this.page.getByTestId('import-review');
	}

	get report(): Locator {
		return this.page.getByTestId('import-report');
	}

	async toReview(): Promise<void> {
		await this.page.getByRole('button', { name: 'Review import' }).click();
		await this.review.waitFor();
	}

	async count(testId: string): Promise<number> {
		const el = this.page.getByTestId(testId);
		return (await el.count()) ? Number(await el.textContent()) : 0;
	}

	/** Runs the reviewed import and waits for the report. */
	async runImport(): Promise<void> {
		await this.review.getByRole('button', { name: /^Import \d+ tasks$/ }).click();
		await this.report.waitFor();
	}

	/** The report's skipped rows as text lines. */
	async skippedLines(): Promise<string[]> {
		const list = this.report.locator('details', { hasText: 'Skipped rows' }).locator('li');
		return (await list.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
	}
}
