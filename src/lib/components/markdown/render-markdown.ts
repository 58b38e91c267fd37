/**
 * Markdown → safe HTML. `marked` parses (GitHub-flavoured, line breaks kept), DOMPurify
 * strips scripts, event handlers and `javascript:` URLs; links open in a new tab without
 * giving it a handle on this one. Loaded lazily: cards never need it, only the task view.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
	if (node.tagName === 'A') {
		node.setAttribute('target', '_blank');
		node.setAttribute('rel', 'noopener noreferrer nofollow');
	}
});

export function renderMarkdown(source: string): string {
	const html = marked.parse(source, { async: false, gfm: true, breaks: true });
	return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form'] });
}
