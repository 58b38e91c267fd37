/**
 * Browser plumbing for the e2e tests: Debian's Chromium driven by playwright-core (the
 * Playwright browser download cannot work here), context presets for desktop and phone,
 * a recorder of page problems for failure messages, and screenshots.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type ConsoleMessage,
	type Page,
	type Request as PwRequest,
	type Response as PwResponse
} from 'playwright-core';

/** Where Debian and Ubuntu put Chromium, in order of preference. */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Flags for a quiet, reproducible headless run: no sandbox (CI runs as root in a
 * container), no GPU, and none of the background traffic that would show up as stray
 * requests or slow the shared CPUs.
 */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

const SCREENSHOT_DIR = fileURLToPath(
	new URL('../../../test-results/screenshots/', import.meta.url)
);

/** The Chromium executable: `$CHROMIUM_PATH`, else the first Debian location that exists. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
	if (env.CHROMIUM_PATH) {
		if (!existsSync(env.CHROMIUM_PATH)) {
			throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist`);
		}
		return env.CHROMIUM_PATH;
	}
	const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
	if (!found) {
		throw new Error(
			`no Chromium at ${CHROMIUM_CANDIDATES.join(' or ')} and CHROMIUM_PATH is not set: ` +
				"install Debian's chromium: apt-get install chromium"
		);
	}
	return found;
}

/** Launches headless Chromium. Close it in `afterAll`. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath(),
		headless: true,
		chromiumSandbox: false,
		args: CHROMIUM_ARGS
	});
}

/** Context options for the two form factors the UI is designed for. */
export const VIEWPORTS = {
	desktop: { viewport: { width: 1280, height: 800 } },
	phone: {
		viewport: { width: 360, height: 740 },
		isMobile: true,
		hasTouch: true,
		deviceScaleFactor: 2
	}
} as const satisfies Record<string, BrowserContextOptions>;

export type ViewportName = keyof typeof VIEWPORTS;

/** A viewport preset plus any other Playwright context options. */
export type NewContextOptions = { viewport?: ViewportName } & Omit<
	BrowserContextOptions,
	'viewport'
>;

/**
 * A fresh context (own storage, so its own IndexedDB: one context is one device) with the
 * `viewport` preset; other Playwright context options (`baseURL`, `offline`, …) pass through.
 */
export function newContext(
	browser: Browser,
	{ viewport = 'desktop', ...options }: NewContextOptions = {}
): Promise<BrowserContext> {
	return browser.newContext({ ...VIEWPORTS[viewport], ...options });
}

/** What went wrong in a page, collected as it happened. */
export interface PageProblems {
	/** `console.error` messages, with their source location. */
	readonly consoleErrors: string[];
	/** Uncaught exceptions and unhandled rejections in the page. */
	readonly pageErrors: string[];
	/** Requests that got no response (refused, aborted, offline) and responses with status ≥ 500. */
	readonly failedRequests: string[];
	/** Everything above as one block for a failure message; `''` when nothing went wrong. */
	report(): string;
	/** Stops recording. */
	dispose(): void;
}

/**
 * Records `page`'s console errors, uncaught errors and failed requests. Tests that expect
 * failures (going offline on purpose) filter the lists themselves rather than assert empty.
 */
export function recordProblems(page: Page): PageProblems {
	const consoleErrors: string[] = [];
	const pageErrors: string[] = [];
	const failedRequests: string[] = [];
	const onConsole = (msg: ConsoleMessage) => {
		if (msg.type() !== 'error') return;
		const { url, lineNumber } = msg.location();
		consoleErrors.push(url ? `${msg.text()} (${url}:${lineNumber})` : msg.text());
	};
	const onPageError = (err: Error) => pageErrors.push(err.stack ?? String(err));
	const onRequestFailed = (req: PwRequest) =>
		failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
	const onResponse = (res: PwResponse) => {
		if (res.status() >= 500) {
			failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
		}
	};
	page.on('console', onConsole);
	page.on('pageerror', onPageError);
	page.on('requestfailed', onRequestFailed);
	page.on('response', onResponse);
	return {
		consoleErrors,
		pageErrors,
		failedRequests,
		report() {
			const sections: [string, string[]][] = [
				['console errors', consoleErrors],
				['page errors', pageErrors],
				['failed requests', failedRequests]
			];
			return sections
				.filter(([, lines]) => lines.length > 0)
				.map(([title, lines]) => `${title}:\n${lines.map((l) => `  ${l}`).join('\n')}`)
				.join('\n');
		},
		dispose() {
			page.off('console', onConsole);
			page.off('pageerror', onPageError);
			page.off('requestfailed', onRequestFailed);
			page.off('response', onResponse);
		}
	};
}

/**
 * Saves a full-page PNG to `test-results/screenshots/<name>.png` and returns its path.
 * Characters unsafe in file names become `-`, so a test's full name can be passed.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
	await mkdir(SCREENSHOT_DIR, { recursive: true });
	const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

/**
 * A browser with a profile on disk (service workers, their caches and IndexedDB survive a
 * restart), for cold-start tests. Close it with `context.close()`.
 */
export function launchPersistent(
	userDataDir: string,
	{ preset = 'desktop', ...options }: { preset?: ViewportName } & BrowserContextOptions = {}
): Promise<BrowserContext> {
	return chromium.launchPersistentContext(userDataDir, {
		executablePath: chromiumPath(),
		headless: true,
		chromiumSandbox: false,
		args: CHROMIUM_ARGS,
		...VIEWPORTS[preset],
		...options
	});
}
