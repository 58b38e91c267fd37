/** Page object for time tracking: timers, the timesheet and the report. */
import type { Locator, Page } from 'playwright-core';

export class TimePage {
	constructor(
		readonly page: Page,
		readonly baseUrl: string
	) {}

	get headerTimer(): Locator {
		return this.page.getByTestId('header-timer');
	}

	/** The running timer's elapsed time as shown in the header, e.g. `1:30:02`. */
	async headerElapsed(): Promise<string> {
		return (await this.headerTimer.locator('.elapsed').textContent())?.trim() ?? '';
	}

	async startFromCard(title: string): Promise<void> {
		const card = this.page.getByTestId('task-card').filter({ hasText: title });
		await card.hover();
		await card.getByTestId('timer-toggle').click();
		await this.headerTimer.waitFor();
	}

	async stopFromHeader(): Promise<void> {
		await this.headerTimer.getByRole('button', { name: 'Stop timer' }).click();
		await this.headerTimer.waitFor({ state: 'detached' });
	}

	workspaceId(): string {
		const m = /\/w\/([0-9a-z]+)/.exec(this.page.url());
		if (!m) throw new Error(`not in a workspace: ${this.page.url()}`);
		return m[1]!;
	}

	async openTimesheet(view: 'week' | 'team' | 'report' = 'week'): Promise<void> {
		const ws = this.workspaceId();
		const q = view === 'week' ? '' : `?view=${view}`;
		await this.page.goto(`${this.baseUrl}/w/${ws}/time${q}`);
		if (view === 'report') await this.page.getByTestId('report-totals').waitFor();
		else {
			await this.page
				.getByTestId(view === 'week' ? 'week-grid' : 'week-grid')
				.first()
				.waitFor();
		}
	}

	get weekTotal(): Locator {
		return this.page.getByTestId('week-total');
	}

	/** The week total of one task's row, e.g. `1:45`. */
	async rowTotal(task: string): Promise<string> {
		const row = this.page.getByTestId('week-grid').locator('tbody tr').filter({ hasText: task });
		return (await row.locator('td.total-col').textContent())?.trim() ?? '';
	}

	/** Entries of the week listed under the grid for one task. */
	entries(task: string): Locator {
		return this.page.getByTestId('time-entry').filter({ hasText: task });
	}

	cell(task: string, day: number): Locator {
		return this.page
			.getByTestId('week-grid')
			.locator('tbody tr')
			.filter({ hasText: task })
			.locator('input.cell')
			.nth(day);
	}

	/** Clicks "Export CSV" on the report and returns the file's name and text. */
	async exportCsv(): Promise<{ name: string; text: string }> {
		const [download] = await Promise.all([
			this.page.waitForEvent('download'),
			this.page.getByTestId('export-csv').click()
		]);
		const stream = await download.createReadStream();
		const decoder = new TextDecoder();
		let text = '';
		for await (const chunk of stream) text += decoder.decode(chunk as Uint8Array, { stream: true });
		return { name: download.suggestedFilename(), text: text + decoder.decode() };
	}
}
