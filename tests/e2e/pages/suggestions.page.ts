/**
 * Page object for the assistant's suggestions: the Suggestions block of an open task and
 * the "Possible duplicates" list of the new-task dialog.
 */
import type { Locator, Page } from 'playwright-core';

export class SuggestionsPage {
	constructor(readonly page: Page) {}

	/** The priority suggestion of the open task, once the model has answered. */
	async prioritySuggestion(): Promise<Locator> {
		const s = this.page.getByTestId('priority-suggestion');
		await s.waitFor({ timeout: 60_000 });
		return s;
	}

	async acceptPriority(): Promise<void> {
		const s = await this.prioritySuggestion();
		await s.getByRole('button', { name: 'Accept', exact: true }).click();
		await s.getByText('matches the current priority').waitFor();
	}

	/** Opens the new-task dialog and types a title, without saving. */
	async draftTask(title: string): Promise<Locator> {
		await this.page.keyboard.press('Escape');
		await this.page.locator('body').press('n');
		const form = this.page.getByTestId('new-task-form');
		await form.locator('input[name=title]').fill(title);
		return form;
	}

	/** Titles listed under "Possible duplicates" once it shows. */
	async duplicateTitles(): Promise<string[]> {
		const list = this.page.getByTestId('possible-duplicates');
		await list.waitFor({ timeout: 60_000 });
		return (await list.locator('.title').allTextContents()).map((t) => t.trim());
	}

	/** Types into the project's search box (as a person would, after pressing `/`). */
	async search(text: string): Promise<void> {
		await this.page.keyboard.press('Escape');
		await this.page.locator('body').press('/');
		await this.page.getByRole('searchbox', { name: 'Search tasks', exact: true }).fill(text);
	}

	/** The "By meaning" switch beside the search box. */
	get meaningToggle(): Locator {
		return this.page.getByRole('button', { name: 'By meaning', exact: true });
	}

	/** Waits until the meaning search reports `text` (e.g. "1 more task by meaning"). */
	async meaningStatus(text: string | RegExp): Promise<void> {
		await this.page.getByTestId('meaning-status').getByText(text).waitFor({ timeout: 60_000 });
	}
}
