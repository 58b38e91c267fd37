/**
 * The ML worker in Chromium: the built-in text model and ONNX Runtime's WASM come from the
 * app's own origin (requests to any other origin are refused), loading shows progress, the
 * paraphrases of a fixed set rank closer than unrelated tasks, and after one online visit the
 * model works with no network at all (a new browser process served by the service worker).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { PARAPHRASES } from '../support/ml-paraphrases';
import { AppPage } from './pages/app.page';
import { ModelSettingsPage } from './pages/model-settings.page';
import { launchPersistent, recordProblems, screenshot } from './support/browser';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };

/** Refuses every request to another origin and returns the list of those refused. */
async function ownOriginOnly(context: BrowserContext): Promise<string[]> {
	const foreign: string[] = [];
	const origin = new URL(baseUrl).origin;
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) {
			return route.fallback();
		}
		foreign.push(url);
		return route.abort('blockedbyclient');
	});
	return foreign;
}

/** Checks each pair against the next pair's first title: the paraphrase must be closer. */
async function expectParaphrasesCloser(model: ModelSettingsPage) {
	for (let i = 0; i < 3; i++) {
		const [a, b] = PARAPHRASES[i]!;
		const [unrelated] = PARAPHRASES[i + 1]!;
		const paired = await model.similarity(a, b);
		const other = await model.similarity(a, unrelated);
		expect(paired, `${a} ~ ${b} vs ${unrelated}`).toBeGreaterThan(other);
	}
}

describe('ML worker', () => {
	const dirs: string[] = [];
	afterAll(async () => {
		await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
	});

	it('loads the model from its own origin with progress, then works offline', async () => {
		const profile = await mkdtemp(path.join(tmpdir(), 'taskflow-ml-'));
		dirs.push(profile);
		let context = await launchPersistent(profile);
		const foreign = await ownOriginOnly(context);
		const page = context.pages()[0] ?? (await context.newPage());
		const app = new AppPage(page, baseUrl);
		const problems = recordProblems(page);
		const { needsSetup } = (await (await fetch(`${baseUrl}/api/setup`)).json()) as {
			needsSetup: boolean;
		};
		if (needsSetup) await app.setup(OWNER.name, OWNER.password, 'Field crew');
		else await app.login(OWNER.name, OWNER.password);

		const model = new ModelSettingsPage(page, baseUrl);
		await model.open();
		await model.section
			.getByRole('option', { name: /taskflow\/glove-100d \(built-in\)/ })
			.waitFor({ state: 'attached' });
		await model.recordProgressTexts();
		await expectParaphrasesCloser(model).catch((err: Error) => {
			throw new Error(`${err.message}\n${problems.report()}`);
		});
		expect(await model.progressTexts()).toContainEqual(expect.stringMatching(/Loading model/));
		await expect(model.progress.textContent()).resolves.toContain('Model ready');
		expect(foreign).toEqual([]);
		await screenshot(page, 'desktop-settings-text-model');
		await page.setViewportSize({ width: 390, height: 844 });
		await screenshot(page, 'phone-settings-text-model');

		// Offline start needs the service worker in charge, with everything precached.
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller) {
				await new Promise((r) =>
					navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
				);
			}
		});
		await context.close();

		context = await launchPersistent(profile, { offline: true });
		const offlinePage = context.pages()[0] ?? (await context.newPage());
		const offline = new ModelSettingsPage(offlinePage, baseUrl);
		await offline.open();
		await expectParaphrasesCloser(offline);
		await screenshot(offlinePage, 'desktop-settings-text-model-offline');
		await context.close();
	});
});
