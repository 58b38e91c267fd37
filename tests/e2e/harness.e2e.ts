/**
 * Proves the e2e plumbing end to end: the global setup's server answers, Debian's Chromium
 * launches through playwright-core, the context presets apply and screenshots land on disk.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, recordProblems, screenshot } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

describe('e2e harness', () => {
	it('loads /healthz from the production server in Chromium', async () => {
		const context = await newContext(browser);
		try {
			const page = await context.newPage();
			const problems = recordProblems(page);
			const response = await page.goto(`${baseUrl}/healthz`);
			expect(response?.status()).toBe(200);
			expect(response?.headers()['content-type']).toMatch(/^application\/json/);
			expect(await response?.json()).toEqual({ ok: true });
			// What the page shows is the same JSON, so the browser really rendered the response.
			expect(JSON.parse(await page.locator('body').innerText())).toEqual({ ok: true });
			expect(problems.pageErrors).toEqual([]);
			expect(problems.failedRequests).toEqual([]);
			// A bare JSON page has no <link rel="icon">, so Chromium probes /favicon.ico (404);
			// the app's pages declare favicon.svg and never make that request.
			const unexpected = problems.consoleErrors.filter((l) => !l.includes('/favicon.ico'));
			expect(unexpected).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('applies the phone preset and writes screenshots', async () => {
		const context = await newContext(browser, { viewport: 'phone', baseURL: baseUrl });
		try {
			const page = await context.newPage();
			await page.goto('/healthz');
			// Like src/app.html: without this meta a mobile browser lays out 980 px wide.
			await page.setContent('<meta name="viewport" content="width=device-width"><p>phone</p>');
			const device = await page.evaluate(() => ({
				width: window.innerWidth,
				ratio: window.devicePixelRatio,
				touch: navigator.maxTouchPoints > 0
			}));
			expect(device).toEqual({ width: 360, ratio: 2, touch: true });
			const file = await screenshot(page, 'harness phone/healthz');
			expect(file).toMatch(/test-results\/screenshots\/harness-phone-healthz\.png$/);
			expect(existsSync(file)).toBe(true);
		} finally {
			await context.close();
		}
	});

	it('reports page errors and failed requests', async () => {
		const context = await newContext(browser, { baseURL: baseUrl });
		try {
			const page = await context.newPage();
			await page.goto('/healthz');
			const problems = recordProblems(page);
			const pageError = page.waitForEvent('pageerror');
			await page.evaluate(async () => {
				console.error('boom');
				setTimeout(() => {
					throw new Error('uncaught in page');
				});
				// Port 9 (discard) on loopback is closed: the request fails without a response.
				await fetch('http://127.0.0.1:9/').catch(() => undefined);
			});
			await pageError;
			expect(problems.consoleErrors.some((l) => l.includes('boom'))).toBe(true);
			expect(problems.pageErrors.some((l) => l.includes('uncaught in page'))).toBe(true);
			expect(problems.failedRequests.some((l) => l.startsWith('GET http://127.0.0.1:9/'))).toBe(
				true
			);
			problems.dispose();
			await page.evaluate(() => console.error('after dispose'));
			expect(problems.consoleErrors.some((l) => l.includes('after dispose'))).toBe(false);
			expect(problems.report()).toMatch(/^console errors:\n {2}boom/);
		} finally {
			await context.close();
		}
	});
});
