/**
 * Headers every response carries. The HTML pages get their own, fuller Content-Security-
 * Policy from SvelteKit (`kit.csp` in svelte.config.js, with hashes of its inline bootstrap
 * script); this strict default covers everything else — JSON, static files, errors — and is
 * replaced by SvelteKit's on pages because `writeHead` headers win over `setHeader` ones.
 */
import type { ServerResponse } from 'node:http';

export const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'content-security-policy': DEFAULT_CSP,
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	// Invite links carry their token in the path; never send it to another site.
	'referrer-policy': 'no-referrer',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

/** Sets the security headers on `res` before any handler writes it. */
export function applySecurityHeaders(res: ServerResponse): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** A request path fit for the log: invite tokens are secrets, so they are masked. */
export function loggablePath(path: string): string {
	return path.replace(/\/invites?\/[^/]+/, (m) => m.replace(/\/[^/]+$/, '/…'));
}
