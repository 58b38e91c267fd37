/**
 * Markdown → safe HTML. `marked` parses (GitHub-flavoured, line breaks kept), then DOMPurify
 * keeps only what markdown itself produces plus a few harmless inline tags. Anyone who can
 * write a description or comment writes into this page, so the output carries no script,
 * no styling (a `style` or `<style>` can lay a fake sign-in screen over the app; `class`,
 * `id`, `data-*` and `aria-*` could borrow the app's own CSS or anchors), no forms or form
 * controls, no embedded documents, SVG or MathML, and URLs only of the web, mail or
 * relative kind. Links open in a new tab without a handle on this one. Loaded lazily:
 * cards never need it, only the task view.
 */
import DOMPurify, { type Config } from 'dompurify';
import { Marked } from 'marked';

/** The whole vocabulary of the output; anything else goes, its text stays. */
const ALLOWED_TAGS = [
	...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code'],
	...['ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'img'],
	...['strong', 'b', 'em', 'i', 'del', 's', 'ins', 'u', 'mark', 'sub', 'sup', 'kbd', 'small'],
	...['abbr', 'span', 'div', 'details', 'summary']
];

/** `align` is how marked writes table column alignment; `start` numbers an ordered list. */
const ALLOWED_ATTR = ['href', 'title', 'src', 'alt', 'align', 'start'];

/**
 * A URL is kept when it is http(s), mailto or relative (no scheme before the first `/?#`),
 * tested once the browser has decoded entities and DOMPurify has dropped the whitespace
 * and control characters a browser skips (`java&#x09;script:`).
 */
const SAFE_URL = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
// eslint-disable-next-line no-control-regex -- the control characters are what it matches
const URL_NOISE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

const CONFIG: Config = {
	ALLOWED_TAGS,
	ALLOWED_ATTR,
	ALLOW_DATA_ATTR: false,
	ALLOW_ARIA_ATTR: false,
	ALLOWED_URI_REGEXP: SAFE_URL
};

// Our own instance, so these hooks apply to markdown only, never to another caller.
const purify = DOMPurify(window);

purify.addHook('uponSanitizeAttribute', (_node, data) => {
	// DOMPurify lets `data:` through on <img> whatever ALLOWED_URI_REGEXP says.
	if (
		(data.attrName === 'href' || data.attrName === 'src') &&
		!SAFE_URL.test(data.attrValue.replace(URL_NOISE, ''))
	) {
		data.keepAttr = false;
	}
});

purify.addHook('afterSanitizeAttributes', (node) => {
	if (node.tagName === 'A') {
		node.setAttribute('target', '_blank');
		node.setAttribute('rel', 'noopener noreferrer nofollow');
	}
});

const marked = new Marked({
	gfm: true,
	breaks: true,
	// A task-list box as a character: a disabled <input> is still a form control.
	renderer: { checkbox: ({ checked }) => (checked ? '☑ ' : '☐ ') }
});

/** `source` as sanitised HTML, ready for `{@html}`. */
export function renderMarkdown(source: string): string {
	return purify.sanitize(marked.parse(source, { async: false }), CONFIG);
}
