/** Page object for custom fields: the project dialog's editor, task inputs, filter menus. */
import type { Locator, Page } from 'playwright-core';

export interface FieldSpec {
	name: string;
	type: 'text' | 'number' | 'date' | 'select';
	options?: string;
}

export class CustomFieldsPage {
	constructor(readonly page: Page) {}

	get dialog(): Locator {
		return this.page.locator('dialog[open]');
	}

	async openProjectDialog(): Promise<void> {
		await this.page.locator('summary[aria-label="Project actions"]').click();
		await this.page.getByRole('button', { name: 'Rename / edit' }).click();
		await this.dialog.getByTestId('custom-fields-editor').waitFor();
	}

	/** Adds `fields` in the open project dialog (after any existing ones). */
	async addFields(fields: FieldSpec[]): Promise<void> {
		const editor = this.dialog.getByTestId('custom-fields-editor');
		for (const f of fields) {
			const n = (await editor.getByPlaceholder('Field name').count()) + 1;
			await editor.getByRole('button', { name: '+ Add a field' }).click();
			await editor.getByLabel(`Field ${n} name`, { exact: true }).fill(f.name);
			await editor.getByLabel(`Field ${n} type`, { exact: true }).selectOption(f.type);
			if (f.options) {
				await editor.getByLabel(`Field ${n} choices`, { exact: true }).fill(f.options);
			}
		}
	}

	async saveProjectDialog(): Promise<void> {
		await this.dialog.getByRole('button', { name: 'Save', exact: true }).click();
		await this.dialog.waitFor({ state: 'detached' });
	}

	/** The input or select of field `name` in the open task. */
	input(name: string): Locator {
		return this.page.getByTestId('custom-fields').getByLabel(name, { exact: true });
	}

	/** Sets a value in the open task and waits for the save's toast. */
	async setValue(name: string, value: string, kind: 'select' | 'input'): Promise<void> {
		if (kind === 'select') await this.input(name).selectOption(value);
		else {
			await this.input(name).fill(value);
			await this.input(name).press('Enter');
			await this.input(name).blur();
		}
		await this.page.getByText(`Changed ${name}`).last().waitFor();
	}

	/** Picks option `value` in the filter menu of select field `name`. */
	async filterBySelect(name: string, value: string): Promise<void> {
		await this.page.locator('[data-testid=cf-filter]', { hasText: name }).click();
		await this.page.getByLabel(`${name} is`, { exact: true }).selectOption(value);
	}
}
