/**
 * A new version reaches an installed app: the server restarts with a changed service
 * worker, the app says a new version is ready, and applies it only when clicked — the
 * page reloads once under the new worker, and what was saved is still there.
 */
import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server';
import { launchPersistent } from './support/browser';
import { AppPage } from './pages/app.page';

const SW = 'build/client/service-worker.js';
const VARIANTS = [`${SW}.br`, `${SW}.gz`];

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

	it('announces a new version and applies it on click', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'taskflow-update-'));
		const profile = await mkdtemp(path.join(tmpdir(), 'taskflow-update-profile-'));
		dirs.push(dataDir, profile);
		server = await startAppServer({ dataDir });
		const port = Number(new URL(server.baseUrl).port);

		const context = await launchPersistent(profile);
		const app = new AppPage(context.pages()[0] ?? (await context.newPage()), server.baseUrl);
		await app.setup('uma', 'update-password-1', 'Update crew');
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

		// Deploy "a new version": a different service worker, served fresh (no precompressed copy).
		await server.stop({ keepData: true });
		for (const file of [SW, ...VARIANTS]) {
			if (existsSync(file)) saved.set(file, await readFile(file, 'latin1'));
		}
		await writeFile(SW, `${saved.get(SW)!}\n// next version ${Date.now()}\n`, 'latin1');
		for (const file of VARIANTS) await rm(file, { force: true });
		server = await startAppServer({ dataDir, port });

		await app.page.evaluate(() =>
			navigator.serviceWorker.getRegistration().then((r) => r?.update())
		);
		const banner = app.page.getByTestId('update-banner');
		await banner.waitFor({ timeout: 30_000 });
		await app.page.evaluate(() => ((window as { __beforeUpdate?: boolean }).__beforeUpdate = true));
		await Promise.all([
			// Generous: taking over re-checks a precache that now holds the ~21 MB model and
			// runtime, slow on a busy CI machine (12 s alone here).
			app.page.waitForEvent('load', { timeout: 90_000 }),
			banner.getByRole('button', { name: 'Update now' }).click()
		]);
		await expect(
			app.page.evaluate(() => (window as { __beforeUpdate?: boolean }).__beforeUpdate)
		).resolves.toBeUndefined();
		await app.card('Saved before the update').waitFor();
		await expect(banner.count()).resolves.toBe(0);
		await context.close();
	}, 180_000);
});
