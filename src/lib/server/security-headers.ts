/**
 * Headers every response carries. Pages get their Content-Security-Policy from SvelteKit
 * (`kit.csp` in svelte.config.js, with hashes of its inline bootstrap script); the strict
 * default here is for the JSON of `/db` and `/api` only (`/healthz` holds no data). It must never reach the UI handler:
 * SvelteKit's 304 answers carry no CSP of their own, and the browser would apply this one to
 * the cached page on reload, blocking every script and stylesheet.
 */
import type { ServerResponse } from 'node:http';

/**
 * Nothing loads, nothing frames it. `form-action`, like `base-uri` and `frame-ancestors`,
 * does not fall back to `default-src`, so it is spelled out.
 */
export const DEFAULT_CSP =
	"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	// Invite links carry their token in the path; never send it to another site.
	'referrer-policy': 'no-referrer',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

/** Sets the security headers on `res` before any handler writes it; `api` adds the CSP. */
export function applySecurityHeaders(res: ServerResponse, api: boolean): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	if (api) res.setHeader('content-security-policy', DEFAULT_CSP);
}

/** A request path fit for the log: invite and calendar feed tokens are secrets, so they are masked. */
export function loggablePath(path: string): string {
	return path
		.replace(/\/invites?\/[^/]+/, (m) => m.replace(/\/[^/]+$/, '/…'))
		.replace(/^\/api\/calendar\/[^/]+/, '/api/calendar/…');
}
