/**
 * Renders the app icons (static/icons/*.png) from vector art with Debian's Chromium:
 * `node scripts/make-icons.js`. The maskable icon keeps the mark inside the central 80 %
 * safe zone on a full-bleed background, as Android's adaptive icons crop it.
 */
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const MARK =
	'<path d="M18 33l9 9 19-20" fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>';
const ROUNDED = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#2458d6"/>${MARK}</svg>`;
const MASKABLE = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#2458d6"/><g transform="translate(6.4 6.4) scale(0.8)">${MARK}</g></svg>`;

const icons = [
	{ file: 'icon-192.png', size: 192, svg: ROUNDED },
	{ file: 'icon-512.png', size: 512, svg: ROUNDED },
	{ file: 'maskable-512.png', size: 512, svg: MASKABLE },
	{ file: 'apple-touch-icon.png', size: 180, svg: MASKABLE }
];

await mkdir('static/icons', { recursive: true });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
const page = await browser.newPage();
for (const { file, size, svg } of icons) {
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(
		`<style>html,body{margin:0;background:transparent}</style><img width="${size}" height="${size}" src="data:image/svg+xml,${encodeURIComponent(svg)}">`
	);
	await page.screenshot({ path: `static/icons/${file}`, omitBackground: true });
}
await browser.close();
console.log(`wrote ${icons.map((i) => i.file).join(', ')} to static/icons/`);
