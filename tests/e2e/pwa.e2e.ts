/**
 * The installed app: Chromium finds it installable, and after one online visit it starts
 * and shows the tasks with no network at all — a cold start of a new browser process,
 * served by the service worker and the data in IndexedDB.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { launchPersistent, screenshot } from './support/browser';
import { AppPage } from './pages/app.page';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };

describe('installed app', () => {
	const dirs: string[] = [];
	afterAll(async () => {
		await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
	});

	it('is installable and starts offline from a cold start with the tasks', async () => {
		const profile = await mkdtemp(path.join(tmpdir(), 'taskflow-profile-'));
		dirs.push(profile);

		let context = await launchPersistent(profile);
		const app = new AppPage(context.pages()[0] ?? (await context.newPage()), baseUrl);
		const { needsSetup } = (await (await fetch(`${baseUrl}/api/setup`)).json()) as {
			needsSetup: boolean;
		};
		if (needsSetup) await app.setup(OWNER.name, OWNER.password, 'Field crew');
		else await app.login(OWNER.name, OWNER.password);
		const projectUrl = await app.createProject('Offline start');
		await app.createTask({ title: 'Survives a cold start' });
		await app.waitSynced();

		// The service worker is installed, controls the page, and Chromium would install us.
		await app.page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller) {
				await new Promise((r) =>
					navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
				);
			}
		});
		const cdp = await context.newCDPSession(app.page);
		const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
			installabilityErrors: { errorId: string }[];
		};
		expect(installabilityErrors).toEqual([]);
		const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[] };
		expect(manifest.errors).toEqual([]);
		await context.close();

		// A new browser process, no network: the app, the session and the tasks are all local.
		context = await launchPersistent(profile, { offline: true });
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(projectUrl);
		const offline = new AppPage(page, baseUrl);
		await offline.card('Survives a cold start').waitFor({ timeout: 20_000 });
		await expect(offline.syncIndicator.getAttribute('data-phase')).resolves.toBe('offline');
		await screenshot(page, 'desktop-offline-cold-start');
		await context.close();
	});
});
