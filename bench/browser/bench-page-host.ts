/**
 * Serves the bench page inside the app's origin (`/api/__bench/`, answered by Playwright,
 * never by the server) so it opens the same IndexedDB databases as the app in that context.
 * It sits under `/api/` because the app's service worker leaves that prefix to the network:
 * anywhere else, once the worker controls the origin, it would answer with the app shell.
 */
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';

const PATH = '/api/__bench/';
let bundle: Promise<string> | null = null;

/** The bench page script, bundled once per run. */
function script(): Promise<string> {
	bundle ??= build({
		entryPoints: ['bench/browser/bench-page.ts'],
		bundle: true,
		write: false,
		platform: 'browser',
		format: 'iife',
		target: 'chrome120',
		minify: true,
		define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
		logLevel: 'warning'
	}).then((r) => r.outputFiles[0]!.text);
	return bundle;
}

/** Lets pages of `context` load the bench page at `${baseUrl}/__bench/`. */
export async function serveBenchPage(context: BrowserContext, baseUrl: string): Promise<void> {
	const js = await script();
	await context.route(`${baseUrl}${PATH}**`, (route) => {
		const isScript = route.request().url().endsWith('.js');
		return route.fulfill({
			status: 200,
			contentType: isScript ? 'text/javascript' : 'text/html',
			body: isScript ? js : '<!doctype html><title>bench</title><script src="bench.js"></script>'
		});
	});
}

/** Opens the bench page in a new tab of `context` and waits until its API is there. */
export async function openBenchPage(context: BrowserContext, baseUrl: string): Promise<Page> {
	const page = await context.newPage();
	page.on('pageerror', (e) => console.error(`bench page: ${e.message}`));
	await page.goto(`${baseUrl}${PATH}index.html`);
	await page.waitForFunction(() => document.title === 'bench ready');
	return page;
}
