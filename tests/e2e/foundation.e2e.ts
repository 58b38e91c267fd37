/**
 * The Foundation, end to end in real Chromium against the real server: set up, sign in,
 * create a project and tasks, see them live on a second device, work offline on one
 * device, reconnect, and converge with nothing lost.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Route } from 'playwright-core';
import {
	launchBrowser,
	newContext,
	recordProblems,
	screenshot,
	type PageProblems
} from './support/browser';
import { AppPage } from './pages/app.page';
import { describeDevices } from './support/device-state';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };

describe('foundation', () => {
	let browser: Browser;
	let laptopCtx: BrowserContext;
	let phoneCtx: BrowserContext;
	let laptop: AppPage;
	let phone: AppPage;
	let projectUrl: string;
	const problems: PageProblems[] = [];

	beforeAll(async () => {
		browser = await launchBrowser();
		laptopCtx = await newContext(browser, { viewport: 'desktop' });
		phoneCtx = await newContext(browser, { viewport: 'phone' });
		laptop = new AppPage(await laptopCtx.newPage(), baseUrl);
		phone = new AppPage(await phoneCtx.newPage(), baseUrl);
		problems.push(recordProblems(laptop.page), recordProblems(phone.page));
	});

	afterAll(async () => {
		await browser?.close();
	});

	// A failed wait for sync says which device stalled, and how.
	afterEach(async ({ task }) => {
		if (task.result?.state !== 'fail') return;
		const state = await describeDevices([
			{ name: 'laptop', page: laptop.page, problems: problems[0] },
			{ name: 'phone', page: phone.page, problems: problems[1] }
		]);
		throw new Error(`the devices after this failure:\n${state}`);
	});

	it('sets up the owner and first workspace on first visit', async () => {
		// Other e2e files may have run first on this server: then the owner exists already.
		const { needsSetup } = (await (await fetch(`${baseUrl}/api/setup`)).json()) as {
			needsSetup: boolean;
		};
		if (needsSetup) {
			await laptop.page.goto(`${baseUrl}/`);
			await laptop.page.waitForURL(/\/setup$/);
			await screenshot(laptop.page, 'desktop-setup');
			await laptop.setup(OWNER.name, OWNER.password, 'Field crew');
		} else {
			await laptop.page.goto(`${baseUrl}/setup`);
			await laptop.page.waitForURL(/\/login/);
			await laptop.login(OWNER.name, OWNER.password);
			await laptop.openWorkspaceNamed('Field crew');
		}
		await laptop.page.getByRole('heading', { name: 'Field crew' }).first().waitFor();
		await screenshot(laptop.page, 'desktop-workspace');
	});

	it('refuses a wrong password with a clear message', async () => {
		await phone.page.goto(`${baseUrl}/login`);
		await screenshot(phone.page, 'phone-login');
		await phone.page.fill('input[name=name]', OWNER.name);
		await phone.page.fill('input[name=password]', 'not-the-password');
		await phone.page.click('button[type=submit]');
		await expect(phone.page.getByRole('alert').textContent()).resolves.toMatch(
			/wrong user name or password/i
		);
	});

	it('creates a project and tasks, shown on the board', async () => {
		projectUrl = await laptop.createProject('Bridge inspection');
		await laptop.createTask({
			title: 'Inspect north pier bearings',
			description: 'Check **all four** bearings.',
			priority: 'high',
			tags: 'structural, pier',
			due: '2030-01-15'
		});
		await laptop.createTask({ title: 'Order replacement bolts', assignee: OWNER.name });
		await laptop.createTask({ title: 'Survey deck drainage', status: 'in_progress' });
		await laptop.createTask({ title: 'Write weekly report', status: 'review' });
		await laptop.createTask({ title: 'Set up site office', status: 'done' });
		await expect(laptop.cardTitles()).resolves.toHaveLength(5);
		await expect(laptop.column('in_progress').getByTestId('task-card').count()).resolves.toBe(1);
		await laptop.waitSynced();
		await screenshot(laptop.page, 'desktop-board');
	});

	it('refuses invalid input in the form and keeps what was typed', async () => {
		await laptop.page.locator('body').press('n');
		const form = laptop.page.getByTestId('new-task-form');
		// A title of spaces only: said so at the field, which gets the focus back.
		await form.locator('input[name=title]').fill('   ');
		await form.locator('input[name=title]').press('Enter');
		await expect(form.locator('.field-error').first().textContent()).resolves.toMatch(
			'A task needs a title.'
		);
		await expect(
			form.locator('input[name=title]').evaluate((el) => el === document.activeElement)
		).resolves.toBe(true);
		await form.locator('input[name=title]').fill('Task with a bad assignee');
		await form.locator('input[name=assignee]').fill('Not A Valid Name!');
		await form.getByRole('button', { name: 'Create task' }).click();
		await expect(form.locator('.field-error').first().textContent()).resolves.toMatch(
			/invalid user name/i
		);
		await expect(form.locator('input[name=title]').inputValue()).resolves.toBe(
			'Task with a bad assignee'
		);
		await laptop.page.keyboard.press('Escape');
		await expect(laptop.card('Task with a bad assignee').count()).resolves.toBe(0);
	});

	it('shows the tasks on a second device and syncs new ones live', async () => {
		// Hold the workspace's first pull: until it arrives the project says it is loading
		// (not "not found").
		const held: Route[] = [];
		const changes = /\/db\/tf-ws-[^/]+\/_changes/;
		await phone.page.route(changes, (route) => void held.push(route));
		await phone.login(OWNER.name, OWNER.password);
		await phone.page.goto(projectUrl);
		await phone.page.getByRole('status').getByText('Loading this project…').waitFor();
		expect(await phone.page.getByText('Project not found').count()).toBe(0);
		await phone.page.unroute(changes);
		// Requests of the page that login left were cancelled by the navigation.
		for (const route of held.splice(0)) await route.continue().catch(() => undefined);
		await phone.card('Write weekly report').waitFor();
		await expect(phone.cardTitles()).resolves.toEqual(await laptop.cardTitles());

		// Live: a task added on the laptop appears on the phone without a reload. Latency is
		// measured inside the pages (Enter keydown on the laptop → card inserted on the phone,
		// same machine clock), so Playwright's own round trips are not counted.
		await laptop.page.evaluate(() => {
			addEventListener(
				'keydown',
				(e) => e.key === 'Enter' && ((window as { __sentAt?: number }).__sentAt = Date.now()),
				true
			);
		});
		await phone.page.evaluate(() => {
			const seen: Record<string, number> = {};
			(window as { __seen?: Record<string, number> }).__seen = seen;
			new MutationObserver(() => {
				for (const a of document.querySelectorAll('[data-testid=task-card] [data-task-link]')) {
					const title = a.textContent?.trim() ?? '';
					seen[title] ??= Date.now();
				}
			}).observe(document.body, { childList: true, subtree: true, characterData: true });
		});
		const samples: number[] = [];
		for (let i = 1; i <= 9; i++) {
			const title = `Live task ${i}`;
			await laptop.page
				.locator('[data-column=todo]')
				.getByRole('button', { name: '+ Add task' })
				.click();
			await laptop.page.getByRole('textbox', { name: 'New task in To do' }).fill(title);
			await laptop.page.getByRole('textbox', { name: 'New task in To do' }).press('Enter');
			await phone.card(title).waitFor({ timeout: 15_000 });
			const sentAt = await laptop.page.evaluate(
				() => (window as { __sentAt?: number }).__sentAt ?? 0
			);
			const seenAt = await phone.page.evaluate(
				(t) => (window as { __seen?: Record<string, number> }).__seen?.[t] ?? 0,
				title
			);
			samples.push(seenAt - sentAt);
			await laptop.page.keyboard.press('Escape');
		}
		samples.sort((a, b) => a - b);
		console.log(
			`live sync laptop → phone, ms (Enter → card on the other device): ${samples.join(', ')}; median ${samples[4]}`
		);

		// And the other way: an edit on the phone shows on the laptop.
		const detail = await phone.openTask('Order replacement bolts');
		const editedAt = Date.now();
		await detail.locator('select[name=status]').selectOption('review');
		// Twice in CI (never here) this wait outlasted 30 s; the edit arrives in about a
		// second here. Waiting past one whole long poll (the door ends an idle one after 60 s)
		// tells a lost wake-up, which the next poll repairs, from an edit that never syncs;
		// the time taken is printed, and a failure says what each device's sync was doing.
		await laptop
			.column('review')
			.getByTestId('task-card')
			.filter({ hasText: 'Order replacement bolts' })
			.waitFor({ timeout: 75_000 });
		console.log(`edit phone → laptop, ms (as seen by the test): ${Date.now() - editedAt}`);
		await screenshot(phone.page, 'phone-task');
		await phone.closeTask();
		await screenshot(phone.page, 'phone-board');
	}, 180_000);

	it('works offline, then converges with nothing lost', async () => {
		await laptop.waitSynced();
		await phone.waitSynced();
		await phoneCtx.setOffline(true);
		await phone.page.waitForFunction(
			() =>
				document.querySelector('[data-testid=sync-indicator]')?.getAttribute('data-phase') ===
				'offline'
		);

		// Offline on the phone: create two tasks and edit one.
		for (const title of ['Offline: photograph cracks', 'Offline: measure gap']) {
			await phone.page
				.locator('[data-column=todo]')
				.getByRole('button', { name: '+ Add task' })
				.click();
			await phone.page.getByRole('textbox', { name: 'New task in To do' }).fill(title);
			await phone.page.getByRole('textbox', { name: 'New task in To do' }).press('Enter');
			await phone.card(title).waitFor();
			await phone.page.keyboard.press('Escape');
		}
		const detail = await phone.openTask('Survey deck drainage');
		await detail.locator('select[name=priority]').selectOption('urgent');
		await phone.closeTask();
		await expect(phone.pendingCount()).resolves.toBeGreaterThanOrEqual(3);
		await expect(phone.syncIndicator.textContent()).resolves.toMatch(/offline/i);
		await screenshot(phone.page, 'phone-offline');

		// Meanwhile the laptop, online, edits a different task.
		const lap = await laptop.openTask('Write weekly report');
		await lap.locator('select[name=priority]').selectOption('low');
		await laptop.closeTask();
		await laptop.waitSynced();

		await phoneCtx.setOffline(false);
		await phone.waitSynced(30_000);
		await laptop.card('Offline: measure gap').waitFor({ timeout: 20_000 });
		await laptop.waitSynced();

		const titles = await laptop.cardTitles();
		expect(titles).toContain('Offline: photograph cracks');
		expect(titles).toContain('Offline: measure gap');
		expect(await phone.cardTitles()).toEqual(titles);
		await expect(laptop.card('Survey deck drainage').textContent()).resolves.toMatch(/urgent/i);
		await phone.card('Write weekly report').filter({ hasText: 'Low' }).waitFor();
	});

	it('moves cards by drag and drop and by keyboard, and the move persists', async () => {
		const card = laptop.card('Inspect north pier bearings');
		const target = laptop.column('in_progress');
		const from = await card.boundingBox();
		const to = await target.boundingBox();
		if (!from || !to) throw new Error('board not laid out');
		const mouse = laptop.page.mouse;
		await mouse.move(from.x + 30, from.y + 15);
		await mouse.down();
		await mouse.move(from.x + 60, from.y + 30, { steps: 4 });
		await mouse.move(to.x + to.width / 2, to.y + to.height - 60, { steps: 8 });
		await mouse.up();
		await target
			.getByTestId('task-card')
			.filter({ hasText: 'Inspect north pier bearings' })
			.waitFor();

		// The dropped card is selected; move it one column right with the keyboard.
		await expect(
			laptop.page.locator('[data-testid=task-card].selected').textContent()
		).resolves.toMatch('Inspect north pier bearings');
		await laptop.page.keyboard.press('Shift+ArrowRight');
		await laptop
			.column('review')
			.getByTestId('task-card')
			.filter({ hasText: 'Inspect north pier bearings' })
			.waitFor();
		// The card moves at once; the toast with Undo says the move is stored.
		await laptop.page.getByText('Moved “Inspect north pier bearings” to Review').waitFor();

		await laptop.page.reload();
		await laptop
			.column('review')
			.getByTestId('task-card')
			.filter({ hasText: 'Inspect north pier bearings' })
			.waitFor();
		await phone
			.column('review')
			.getByTestId('task-card')
			.filter({ hasText: 'Inspect north pier bearings' })
			.waitFor();
	});

	it('filters and searches the local data, with keyboard shortcuts', async () => {
		await laptop.page.locator('body').press('/');
		await laptop.page.keyboard.type('bolts');
		await expect(laptop.cardTitles()).resolves.toEqual(['Order replacement bolts']);
		await laptop.page.keyboard.press('Escape');
		await expect(laptop.cardTitles()).resolves.toHaveLength(16);

		await laptop.page.locator('summary', { hasText: 'Priority' }).click();
		await laptop.page.getByRole('checkbox', { name: 'Urgent' }).check();
		await expect(laptop.cardTitles()).resolves.toEqual(['Survey deck drainage']);
		// The menu closes on a click elsewhere, like any menu.
		await laptop.page.locator('h1').first().click();
		await expect(laptop.page.getByRole('checkbox', { name: 'Urgent' }).isVisible()).resolves.toBe(
			false
		);
		await laptop.page.getByRole('button', { name: 'Clear filters' }).click();

		await laptop.page.keyboard.press('k');
		await laptop.page.keyboard.press('j');
		await expect(laptop.page.locator('[data-testid=task-card].selected').count()).resolves.toBe(1);
		await laptop.page.locator('body').press('l');
		await laptop.page.getByTestId('task-list').waitFor();
		await screenshot(laptop.page, 'desktop-list');
		await laptop.page.locator('body').press('b');
		await laptop.page.locator('body').press('?');
		await laptop.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
		await screenshot(laptop.page, 'desktop-shortcuts');
		await laptop.page.keyboard.press('Escape');
	});

	it('renders markdown safely and handles comments', async () => {
		await laptop.createTask({
			title: 'Markdown safety',
			description:
				'Hello **bold**\n\n<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>[x](javascript:window.__xss=3)'
		});
		const detail = await laptop.openTask('Markdown safety');
		await detail.locator('.md strong').filter({ hasText: 'bold' }).waitFor();
		await expect(
			laptop.page.evaluate(() => (window as { __xss?: number }).__xss)
		).resolves.toBeUndefined();
		await expect(detail.locator('.md script, .md [onerror]').count()).resolves.toBe(0);
		const href = await detail.locator('.md a').first().getAttribute('href');
		expect(href ?? '').not.toMatch(/^javascript:/i);

		await laptop.addComment('Looks **fine** so far');
		const comment = laptop.page.getByTestId('comment').filter({ hasText: 'Looks fine so far' });
		await comment.getByRole('button', { name: 'Edit' }).click();
		await laptop.page
			.getByRole('textbox', { name: 'Edit comment' })
			.fill('Looks fine, checked twice');
		await laptop.page.getByRole('button', { name: 'Save' }).click();
		await laptop.page.getByTestId('comment').filter({ hasText: 'checked twice' }).waitFor();
		await screenshot(laptop.page, 'desktop-task');
		laptop.page.once('dialog', (d) => void d.accept());
		await laptop.page.getByTestId('comment').getByRole('button', { name: 'Delete' }).click();
		await laptop.page.getByTestId('comment').waitFor({ state: 'detached' });

		// The history, read through a pouchdb-find index, tells what happened, deleted text too.
		await laptop.page.locator('summary', { hasText: 'History' }).click();
		const history = laptop.page.getByTestId('task-history');
		await history.filter({ hasText: 'created the task' }).waitFor();
		await expect(history.textContent()).resolves.toMatch(
			/deleted a comment: “Looks fine, checked twice”/
		);
		await screenshot(laptop.page, 'desktop-task-history');
		await laptop.closeTask();
	});

	it('replicates from one tab only; other tabs stay live and take over', async () => {
		const tab2 = new AppPage(await laptopCtx.newPage(), baseUrl);
		problems.push(recordProblems(tab2.page));
		await tab2.page.goto(projectUrl);
		await tab2.card('Write weekly report').waitFor();
		await expect(laptop.syncIndicator.getAttribute('data-leader')).resolves.toBe('true');
		await expect(tab2.syncIndicator.getAttribute('data-leader')).resolves.toBe('false');

		// A write in the follower tab reaches the other device through the leader's sync.
		await tab2.page
			.locator('[data-column=todo]')
			.getByRole('button', { name: '+ Add task' })
			.click();
		await tab2.page
			.getByRole('textbox', { name: 'New task in To do' })
			.fill('Written in a second tab');
		await tab2.page.getByRole('textbox', { name: 'New task in To do' }).press('Enter');
		await laptop.card('Written in a second tab').waitFor();
		await phone.card('Written in a second tab').waitFor({ timeout: 20_000 });

		// When the leader tab closes, the other tab takes over replication.
		await laptop.page.close();
		await tab2.page.waitForFunction(
			() =>
				document.querySelector('[data-testid=sync-indicator]')?.getAttribute('data-leader') ===
				'true'
		);
		await phone.page
			.locator('[data-column=todo]')
			.getByRole('button', { name: '+ Add task' })
			.click();
		await phone.page
			.getByRole('textbox', { name: 'New task in To do' })
			.fill('After the hand-over');
		await phone.page.getByRole('textbox', { name: 'New task in To do' }).press('Enter');
		await tab2.card('After the hand-over').waitFor({ timeout: 20_000 });
	});

	it('ran without page errors', () => {
		const errors = problems.flatMap((p) => p.pageErrors);
		expect(errors).toEqual([]);
	});
});
