/** Page object for a task's files: attach, look, open, download, delete. */
import type { Download, Locator, Page } from 'playwright-core';

export class AttachmentsPanel {
	constructor(readonly page: Page) {}

	get section(): Locator {
		return this.page.getByTestId('task-detail').getByRole('region', {
			name: 'Attachments',
			exact: true
		});
	}

	tile(name: string): Locator {
		return this.section.locator(`[data-testid=attachment][data-name="${name}"]`);
	}

	/** Attach files through the Attach button's file input. */
	async attach(paths: string[]): Promise<void> {
		await this.section.getByLabel('Attach files', { exact: true }).setInputFiles(paths);
	}

	/** Waits until the tile's thumbnail has loaded from the local database. */
	async waitThumbnail(name: string): Promise<void> {
		await this.tile(name)
			.locator('img')
			.evaluate((img: HTMLImageElement) =>
				img.complete && img.naturalWidth > 0
					? undefined
					: new Promise((resolve) => img.addEventListener('load', resolve, { once: true }))
			);
	}

	/** Opens the photo viewer and returns the full image's natural size. */
	async openPhoto(name: string): Promise<{ width: number; height: number }> {
		await this.tile(name)
			.getByRole('button', { name: `Open ${name}` })
			.click();
		const img = this.page.getByTestId('attachment-full');
		await img.waitFor();
		return img.evaluate((el: HTMLImageElement) =>
			el.complete && el.naturalWidth > 0
				? { width: el.naturalWidth, height: el.naturalHeight }
				: new Promise<{ width: number; height: number }>((resolve) =>
						el.addEventListener(
							'load',
							() => resolve({ width: el.naturalWidth, height: el.naturalHeight }),
							{ once: true }
						)
					)
		);
	}

	async downloadFromViewer(): Promise<Download> {
		const [download] = await Promise.all([
			this.page.waitForEvent('download'),
			this.page.locator('dialog').getByRole('button', { name: 'Download' }).click()
		]);
		return download;
	}

	async closeViewer(): Promise<void> {
		await this.page.locator('dialog').getByRole('button', { name: 'Close' }).click();
		await this.page.getByTestId('attachment-full').waitFor({ state: 'detached' });
	}
}
