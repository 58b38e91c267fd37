/**
 * A new version reaches an installed app: the server restarts with a changed service
 * worker, every open tab says a new version is ready, and applies it only when clicked —
 * the tab reloads once under the new worker, what was saved is still there, and what was
 * typed but not saved yet comes back. A second tab, whose worker the first click already
 * switched, reloads on its own click too, though it has a task open that is syncing and
 * loading its suggestions: that traffic must not hold the old worker in charge.
 */
import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server';
import { launchPersistent, screenshot, VIEWPORTS } from './support/browser';
import { AppPage } from './pages/app.page';

const SW = 'build/client/service-worker.js';
const VARIANTS = [`${SW}.br`, `${SW}.gz`];

/** What the page's service worker registration looks like, for a failure message. */
async function workerStates(page: Page): Promise<string> {
	const read = page
		.evaluate(async () => {
			const r = await navigator.serviceWorker.getRegistration();
			const state = (w: ServiceWorker | null | undefined) => w?.state ?? 'none';
			const controller = navigator.serviceWorker.controller;
			return `active ${state(r?.active)}, waiting ${state(r?.waiting)}, installing ${state(r?.installing)}, controlled ${!!controller}`;
		})
		.catch((err: unknown) => `not readable: ${String(err)}`);
	// A page stuck mid-navigation never answers: say so instead of hanging the test.
	const stuck = new Promise<string>((r) => setTimeout(() => r('not readable: page stuck'), 5000));
	return Promise.race([read, stuck]);
}

/** Clicks "Update now" and waits for the reload it causes; on failure says what the workers were doing. */
async function applyUpdate(page: Page): Promise<void> {
	const loaded = page.waitForEvent('load', { timeout: 60_000 });
	await page.getByTestId('update-banner').getByRole('button', { name: 'Update now' }).click();
	try {
		await loaded;
	} catch (err) {
		throw new Error(`no reload after "Update now" (${await workerStates(page)})`, { cause: err });
	}
}

describe('update flow', () => {
	let server: AppServer | null = null;
	// Byte-exact copies (latin1 maps each byte to one character) to restore afterwards.
	const saved = new Map<string, string>();
	const dirs: string[] = [];

	afterAll(async () => {
		await server?.stop();
		// Put the build back exactly as it was.
		for (const [file, data] of saved) await writeFile(file, data, 'latin1');
		await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
	});

	it('announces a new version and applies it on click, in each open tab', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'taskflow-update-'));
		const profile = await mkdtemp(path.join(tmpdir(), 'taskflow-update-profile-'));
		dirs.push(dataDir, profile);
		// Its own installation: its own registry, so its first-run setup is fresh even when all
		// servers share one CouchDB (COUCHDB_URL), and an account name no run has used.
		const env = { TASKFLOW_REGISTRY_DB: `tf-registry-${Date.now().toString(36)}` };
		const user = `uma-${Date.now().toString(36)}`;
		server = await startAppServer({ dataDir, env });
		const port = Number(new URL(server.baseUrl).port);

		const context = await launchPersistent(profile);
		const app = new AppPage(context.pages()[0] ?? (await context.newPage()), server.baseUrl);
		await app.setup(user, 'update-password-1', 'Update crew');
		await app.createProject('Versions');
		await app.createTask({ title: 'Saved before the update' });
		await app.page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller) {
				await new Promise((r) =>
					navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
				);
			}
		});
		const other = new AppPage(await context.newPage(), server.baseUrl);
		await other.page.goto(app.page.url());
		await other.card('Saved before the update').waitFor();

		// Deploy "a new version": a different service worker, served fresh (no precompressed copy).
		await server.stop({ keepData: true });
		for (const file of [SW, ...VARIANTS]) {
			if (existsSync(file)) saved.set(file, await readFile(file, 'latin1'));
		}
		await writeFile(SW, `${saved.get(SW)!}\n// next version ${Date.now()}\n`, 'latin1');
		for (const file of VARIANTS) await rm(file, { force: true });
		server = await startAppServer({ dataDir, port, env });

		await app.page.evaluate(() =>
			navigator.serviceWorker.getRegistration().then((r) => r?.update())
		);
		for (const tab of [app, other]) {
			await tab.page.getByTestId('update-banner').waitFor({ timeout: 30_000 });
			await tab.page.evaluate(
				() => ((window as { __beforeUpdate?: boolean }).__beforeUpdate = true)
			);
		}
		const wasReloaded = (tab: AppPage) =>
			tab.page.evaluate(() => !(window as { __beforeUpdate?: boolean }).__beforeUpdate);
		// Under the new worker: nothing waits any more, and the active worker controls the tab.
		const underNewWorker = (tab: AppPage) =>
			tab.page.evaluate(async () => {
				const r = await navigator.serviceWorker.getRegistration();
				const controller = navigator.serviceWorker.controller;
				return !r?.waiting && !!controller && controller.scriptURL === r?.active?.scriptURL;
			});

		// Typed, not saved, in the other tab: a comment, a description, and a new title still in
		// its field (it saves when the field loses focus).
		await other.page.bringToFront();
		const detail = await other.openTask('Saved before the update');
		await detail.locator('textarea[name=comment]').fill('A comment not sent yet');
		await detail.getByRole('button', { name: 'Edit', exact: true }).click();
		await detail.locator('textarea[name=description]').fill('A description not saved yet');
		await detail.locator('textarea[name=title]').fill('Saved before the update, renamed');

		await screenshot(other.page, 'update-banner-task-open-desktop');
		await other.page.setViewportSize(VIEWPORTS.phone.viewport);
		await screenshot(other.page, 'update-banner-task-open-phone');

		await app.page.bringToFront();
		await applyUpdate(app.page);
		await expect(wasReloaded(app)).resolves.toBe(true);
		await app.card('Saved before the update').waitFor();
		await expect(app.page.getByTestId('update-banner').count()).resolves.toBe(0);
		await expect(underNewWorker(app)).resolves.toBe(true);

		// The other tab still runs the old page; its click finds nothing waiting and reloads.
		await expect(wasReloaded(other)).resolves.toBe(false);
		await other.page.bringToFront();
		await applyUpdate(other.page);
		await expect(wasReloaded(other)).resolves.toBe(true);
		await other.card('Saved before the update').waitFor();
		const reopened = other.page.getByTestId('task-detail');
		await expect(reopened.locator('textarea[name=comment]').inputValue()).resolves.toBe(
			'A comment not sent yet'
		);
		await expect(reopened.locator('textarea[name=description]').inputValue()).resolves.toBe(
			'A description not saved yet'
		);
		await expect(reopened.locator('textarea[name=title]').inputValue()).resolves.toBe(
			'Saved before the update, renamed'
		);
		await expect(other.page.getByTestId('update-banner').count()).resolves.toBe(0);
		await expect(underNewWorker(other)).resolves.toBe(true);
		await context.close();
	}, 180_000);
});
