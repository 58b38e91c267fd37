/**
 * Photos on tasks, offline first: one device attaches a photo with no network, sees its
 * thumbnail at once (downscaled before it is stored), and after reconnecting a second
 * device sees the thumbnail, opens the photo and downloads it. Oversized files are refused
 * with a message before anything is stored.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, screenshot } from './support/browser';
import { AppPage } from './pages/app.page';
import { AttachmentsPanel } from './pages/attachments.page';

const baseUrl = inject('baseUrl');
const OWNER = { name: 'olivia', password: 'correct-horse-battery' };

async function signIn(app: AppPage): Promise<void> {
	const res = await fetch(`${baseUrl}/api/setup`);
	const { needsSetup } = (await res.json()) as { needsSetup: boolean };
	if (needsSetup) await app.setup(OWNER.name, OWNER.password, 'Field crew');
	else await app.login(OWNER.name, OWNER.password);
}

/** A 3000×2000 PNG drawn on a canvas in the page: a photo far over the 1600 px default. */
async function makePhoto(app: AppPage, file: string): Promise<void> {
	const base64 = await app.page.evaluate(async () => {
		const canvas = new OffscreenCanvas(3000, 2000);
		const ctx = canvas.getContext('2d')!;
		const g = ctx.createLinearGradient(0, 0, 3000, 2000);
		g.addColorStop(0, '#1d4ed8');
		g.addColorStop(1, '#f59e0b');
		ctx.fillStyle = g;
		ctx.fillRect(0, 0, 3000, 2000);
		ctx.fillStyle = '#fff';
		ctx.font = 'bold 300px sans-serif';
		ctx.fillText('PUMP 7', 600, 1100);
		const blob = await canvas.convertToBlob({ type: 'image/png' });
		const bytes = new Uint8Array(await blob.arrayBuffer());
		let s = '';
		for (let i = 0; i < bytes.length; i += 0x8000) {
			s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
		}
		return btoa(s);
	});
	await writeFile(file, base64, 'base64');
}

describe('attachments', () => {
	let browser: Browser;
	let ctxA: BrowserContext;
	let ctxB: BrowserContext;
	let a: AppPage;
	let b: AppPage;
	let dir: string;
	let projectUrl: string;
	const title = `Photograph pump ${Date.now().toString(36)}`;

	beforeAll(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'taskflow-att-'));
		browser = await launchBrowser();
		ctxA = await newContext(browser);
		ctxB = await newContext(browser, { viewport: 'phone', acceptDownloads: true });
		a = new AppPage(await ctxA.newPage(), baseUrl);
		b = new AppPage(await ctxB.newPage(), baseUrl);
		await signIn(a);
		projectUrl = await a.createProject(`Photos ${Date.now().toString(36)}`);
		await a.createTask({ title });
		await a.waitSynced();
		await b.login(OWNER.name, OWNER.password);
		await b.page.goto(projectUrl);
		await b.card(title).waitFor();
	});

	afterAll(async () => {
		await browser?.close();
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it('attaches a photo offline, downscaled, and shows it on another device after sync', async () => {
		const photo = path.join(dir, 'pump.png');
		await makePhoto(a, photo);

		await ctxA.setOffline(true);
		await a.page.waitForFunction(
			() =>
				document.querySelector('[data-testid=sync-indicator]')?.getAttribute('data-phase') ===
				'offline'
		);
		await a.openTask(title);
		const filesA = new AttachmentsPanel(a.page);
		await filesA.attach([photo]);
		await filesA.waitThumbnail('pump.png');
		await expect(filesA.tile('pump.png').textContent()).resolves.toContain('1600×1067');
		expect(await a.pendingCount()).toBeGreaterThan(0);
		await filesA.section.scrollIntoViewIfNeeded();
		await screenshot(a.page, 'attachments-offline-desktop');
		expect(await filesA.openPhoto('pump.png')).toEqual({ width: 1600, height: 1067 });
		await screenshot(a.page, 'attachments-viewer-desktop');
		await filesA.closeViewer();

		await ctxA.setOffline(false);
		await a.waitSynced();

		await b.card(title).getByTestId('card-attachments').filter({ hasText: '1' }).waitFor();
		await b.openTask(title);
		const filesB = new AttachmentsPanel(b.page);
		await filesB.waitThumbnail('pump.png');
		await filesB.section.scrollIntoViewIfNeeded();
		await screenshot(b.page, 'attachments-synced-phone');
		expect(await filesB.openPhoto('pump.png')).toEqual({ width: 1600, height: 1067 });
		await screenshot(b.page, 'attachments-viewer-phone');
		const download = await filesB.downloadFromViewer();
		expect(download.suggestedFilename()).toBe('pump.png');
		const saved = await download.path();
		const head = (await readFile(saved)).subarray(1, 4).toString('latin1');
		expect(head).toBe('PNG');
		expect((await stat(saved)).size).toBeLessThan((await stat(photo)).size);
		await filesB.closeViewer();
	});

	it('refuses a file over the size limit before storing anything', async () => {
		const big = path.join(dir, 'survey.bin');
		await writeFile(big, new Uint8Array(11 * 1024 * 1024).fill(1));
		const files = new AttachmentsPanel(a.page);
		await files.attach([big]);
		await files.section
			.getByRole('alert')
			.filter({ hasText: '“survey.bin” is 11 MB; files can be at most 10 MB.' })
			.waitFor();
		await expect(files.section.getByTestId('attachment').count()).resolves.toBe(1);
		await files.section.scrollIntoViewIfNeeded();
		await screenshot(a.page, 'attachments-too-big-desktop');
	});
});
