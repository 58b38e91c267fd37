/** Page object for the "Calendar feed" card in Settings. */
import type { Locator, Page } from 'playwright-core';

export class CalendarFeedCard {
	constructor(
		readonly page: Page,
		readonly baseUrl: string
	) {}

	get card(): Locator {
		return this.page.getByTestId('calendar-feed');
	}

	async open(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/settings`);
		await this.card.waitFor();
	}

	/** Creates the feed and returns the URL the card shows. */
	async create(): Promise<string> {
		await this.card.getByRole('button', { name: 'Create feed URL' }).click();
		return this.shownUrl();
	}

	async rotate(): Promise<string> {
		await this.card.getByRole('button', { name: 'New URL', exact: true }).click();
		await this.card.getByRole('button', { name: 'Make new URL' }).click();
		// The confirmation closes once the new URL is in place (its button says "Creating…" before).
		await this.card.getByRole('group').waitFor({ state: 'detached' });
		return this.shownUrl();
	}

	async revoke(): Promise<void> {
		await this.card.getByRole('button', { name: 'Revoke', exact: true }).click();
		await this.card.getByRole('button', { name: 'Revoke feed' }).click();
		await this.card.getByRole('button', { name: 'Create feed URL' }).waitFor();
	}

	async shownUrl(): Promise<string> {
		const input = this.card.getByLabel('Calendar feed URL', { exact: true });
		await input.waitFor();
		return input.inputValue();
	}
}
