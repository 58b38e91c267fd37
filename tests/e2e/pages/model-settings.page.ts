import type { Locator, Page } from 'playwright-core';

/** The *Text model* card of the settings page: model select, "Compare" tool, load progress. */
export class ModelSettingsPage {
	readonly section: Locator;
	readonly select: Locator;
	readonly progress: Locator;

	constructor(
		readonly page: Page,
		readonly baseUrl: string
	) {
		this.section = page.getByTestId('model-settings');
		this.select = this.section.getByLabel('Model', { exact: true });
		this.progress = this.section.getByTestId('model-progress');
	}

	async open(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/settings`);
		await this.section.waitFor();
	}

	/** Records every text the progress area shows from now on (to check "Loading model x%"). */
	async recordProgressTexts(): Promise<void> {
		await this.page.evaluate(() => {
			const el = document.querySelector('[data-testid="model-progress"]');
			const seen: string[] = [];
			(window as unknown as { __progressTexts: string[] }).__progressTexts = seen;
			if (!el) return;
			new MutationObserver(() => seen.push(el.textContent?.trim() ?? '')).observe(el, {
				subtree: true,
				childList: true,
				characterData: true
			});
		});
	}

	async progressTexts(): Promise<string[]> {
		return this.page.evaluate(
			() => (window as unknown as { __progressTexts?: string[] }).__progressTexts ?? []
		);
	}

	/** Similarity the model gives two texts, via the *Compare* form. */
	async similarity(first: string, second: string): Promise<number> {
		const output = this.section.getByTestId('similarity');
		await this.section.getByLabel('First text', { exact: true }).fill(first);
		await this.section.getByLabel('Second text', { exact: true }).fill(second);
		// Typing clears the previous result, so the output that appears is this comparison's.
		await output.waitFor({ state: 'detached' });
		await this.section.getByRole('button', { name: 'Compare' }).click();
		const failure = this.progress.locator('.field-error');
		await output.or(failure).waitFor();
		if (await failure.isVisible()) throw new Error(`model failed: ${await failure.textContent()}`);
		return Number(await output.getAttribute('data-value'));
	}
}
