/**
 * Page object for TaskFlow: what a person does, in the words of the UI. Tests call these
 * instead of reaching for selectors, so a markup change is fixed in one place.
 */
import type { Locator, Page } from 'playwright-core';

export interface NewTask {
	title: string;
	description?: string;
	status?: 'todo' | 'in_progress' | 'review' | 'done';
	priority?: 'low' | 'medium' | 'high' | 'urgent';
	assignee?: string;
	due?: string;
	tags?: string;
}

export class AppPage {
	constructor(
		readonly page: Page,
		readonly baseUrl: string
	) {}

	async setup(name: string, password: string, workspaceName: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/`);
		await this.page.waitForURL(/\/setup$/);
		await this.page.fill('input[name=name]', name);
		await this.page.fill('input[name=password]', password);
		await this.page.fill('input[name=confirm]', password);
		await this.page.fill('input[name=workspaceName]', workspaceName);
		await this.page.click('button[type=submit]');
		await this.page.waitForURL(/\/w\/[0-9a-z]+$/);
	}

	/**
	 * Signs in as the shared owner, doing the server's first-run setup first when no file
	 * has done it yet (e2e files run in any order against one server).
	 */
	async setupOrLogin(name: string, password: string, workspaceName: string): Promise<void> {
		const res = await fetch(`${this.baseUrl}/api/setup`);
		const { needsSetup } = (await res.json()) as { needsSetup: boolean };
		if (needsSetup) await this.setup(name, password, workspaceName);
		else await this.login(name, password);
	}

	async login(name: string, password: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/login`);
		await this.page.fill('input[name=name]', name);
		await this.page.fill('input[name=password]', password);
		await this.page.click('button[type=submit]');
		await this.page.waitForURL(/\/w\/[0-9a-z]+/);
	}

	/** Opens the signed-in user's workspace of that name (a fresh device lands on the first
	 * by name, which other test files may have added). */
	async openWorkspaceNamed(name: string): Promise<string> {
		const res = await this.page.request.get(`${this.baseUrl}/api/me`);
		const me = (await res.json()) as { workspaces: { id: string; name: string }[] };
		const ws = me.workspaces.find((w) => w.name === name);
		if (!ws) throw new Error(`no workspace named ${name}`);
		await this.page.goto(`${this.baseUrl}/w/${ws.id}`);
		return ws.id;
	}

	async createProject(name: string): Promise<string> {
		await this.page
			.getByRole('button', { name: /new project|create the first project/i })
			.first()
			.click();
		await this.page.fill('dialog input[name=name]', name);
		await this.page.click('dialog button.primary');
		await this.page.waitForURL(/\/p\/[0-9A-Z]+/);
		await this.board.waitFor();
		return this.page.url();
	}

	get board(): Locator {
		return this.page.locator('[data-testid=board], [data-testid=task-list], .state h2').first();
	}

	async createTask(t: NewTask): Promise<void> {
		await this.page.keyboard.press('Escape');
		await this.page.locator('body').press('n');
		const form = this.page.getByTestId('new-task-form');
		await form.locator('input[name=title]').fill(t.title);
		if (t.description) await form.locator('textarea[name=description]').fill(t.description);
		if (t.status) await form.locator('select[name=status]').selectOption(t.status);
		if (t.priority) await form.locator('select[name=priority]').selectOption(t.priority);
		if (t.assignee) await form.locator('input[name=assignee]').fill(t.assignee);
		if (t.due) await form.locator('input[name=due]').fill(t.due);
		if (t.tags) await form.locator('input[name=tags]').fill(t.tags);
		await form.getByRole('button', { name: 'Create task' }).click();
		await form.waitFor({ state: 'detached' });
	}

	/** The card whose title contains `title` (not text elsewhere on it, e.g. its parent). */
	card(title: string): Locator {
		return this.page
			.getByTestId('task-card')
			.filter({ has: this.page.locator('[data-task-link]', { hasText: title }) });
	}

	column(status: string): Locator {
		return this.page.locator(`[data-column=${status}]`);
	}

	async cardTitles(): Promise<string[]> {
		const titles = await this.page
			.locator('[data-testid=task-card] [data-task-link]')
			.allTextContents();
		return titles.map((t) => t.trim()).sort();
	}

	async openTask(title: string): Promise<Locator> {
		await this.card(title).locator('[data-task-link]').click();
		const detail = this.page.getByTestId('task-detail');
		await detail.waitFor();
		return detail;
	}

	async closeTask(): Promise<void> {
		await this.page.getByRole('button', { name: 'Close task' }).click();
		await this.page.getByTestId('task-detail').waitFor({ state: 'detached' });
	}

	async addComment(body: string): Promise<void> {
		await this.page.fill('textarea[name=comment]', body);
		await this.page.getByRole('button', { name: 'Comment', exact: true }).click();
		await this.page
			.getByTestId('comment')
			.filter({ hasText: body.replace(/[*_`]/g, '') })
			.waitFor();
	}

	get syncIndicator(): Locator {
		return this.page.getByTestId('sync-indicator');
	}

	/** Wait until this device says it is up to date with nothing pending. */
	async waitSynced(timeout = 20_000): Promise<void> {
		await this.page.waitForFunction(
			() => {
				const el = document.querySelector('[data-testid=sync-indicator]');
				return (
					el?.getAttribute('data-phase') === 'idle' &&
					!document.querySelector('[data-testid=sync-pending]')
				);
			},
			undefined,
			{ timeout }
		);
	}

	async pendingCount(): Promise<number> {
		const el = this.page.getByTestId('sync-pending');
		return (await el.count()) ? Number(await el.textContent()) : 0;
	}

	/** Opens the members page of workspace `wsId` and waits for the list. */
	async openMembers(wsId: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/w/${wsId}/members`);
		await this.page.getByTestId('members').waitFor();
	}

	/** Creates an invite link on the open members page and returns it. */
	async createInviteLink(role: 'admin' | 'member' | 'viewer'): Promise<string> {
		await this.page.getByRole('button', { name: 'Invite by link' }).click();
		await this.page.locator(`dialog input[name=role][value=${role}]`).check();
		await this.page.getByRole('button', { name: 'Create link' }).click();
		const link = this.page.getByTestId('invite-link');
		await link.waitFor();
		const url = await link.inputValue();
		await this.page.getByRole('button', { name: 'Copy' }).click();
		await this.page.getByRole('button', { name: 'Copied' }).waitFor();
		await this.page.getByRole('button', { name: 'Close' }).click();
		return url;
	}

	member(name: string): Locator {
		return this.page.locator(`[data-testid=member][data-name="${name}"]`);
	}

	async setMemberRole(name: string, role: 'admin' | 'member' | 'viewer'): Promise<void> {
		await this.member(name).getByRole('combobox').selectOption(role);
		await this.page.getByText(`${name} is now ${role}.`).waitFor();
	}

	/** Removes a member, accepting the confirmation. */
	async removeMember(name: string): Promise<void> {
		this.page.once('dialog', (d) => void d.accept());
		await this.member(name)
			.getByRole('button', { name: `Remove ${name}` })
			.click();
		await this.member(name).waitFor({ state: 'detached' });
	}

	/** The workspace id of the page's URL (`/w/<id>/…`). */
	workspaceId(): string {
		return /\/w\/([0-9a-z]+)/.exec(this.page.url())?.[1] ?? '';
	}
}
