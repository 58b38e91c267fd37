/** Page object for repeating tasks: the Repeat control in the task panel and status changes. */
import type { Locator, Page } from 'playwright-core';

export class RecurrencePage {
	constructor(readonly page: Page) {}

	get detail(): Locator {
		return this.page.getByTestId('task-detail');
	}

	get summary(): Locator {
		return this.detail.getByTestId('repeat-summary');
	}

	/** Choose a preset in the open task's Repeat control (not saved yet). */
	async choose(preset: string): Promise<void> {
		await this.detail.locator('select[name=repeat]').selectOption({ label: preset });
	}

	async setInterval(n: number): Promise<void> {
		const input = this.detail.locator('input[name=repeat-interval]');
		await input.fill(String(n));
		await input.press('Tab');
	}

	async save(): Promise<void> {
		await this.detail.getByRole('button', { name: 'Save repeat' }).click();
		await this.detail.getByRole('button', { name: 'Save repeat' }).waitFor({ state: 'detached' });
	}

	async setStatus(status: 'todo' | 'in_progress' | 'review' | 'done'): Promise<void> {
		await this.detail.locator('select[name=status]').selectOption(status);
	}

	/** Cards in `column` titled exactly `title`, with their due dates (`YYYY-MM-DD`). */
	async dueDates(column: string, title: string): Promise<string[]> {
		const cards = this.page
			.locator(`[data-column=${column}] [data-testid=task-card]`)
			.filter({ has: this.page.locator('[data-task-link]', { hasText: title }) });
		const titles = await cards
			.locator('.due')
			.evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
		return titles.map((t) => t.replace(/^Due /, '')).sort();
	}
}
