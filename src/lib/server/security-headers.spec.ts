import { describe, expect, it } from 'vitest';
import config from '../../../svelte.config.js';
import { applySecurityHeaders, DEFAULT_CSP, loggablePath } from './security-headers';

describe('loggablePath', () => {
	it('masks invite tokens in API and page paths', () => {
		expect(loggablePath('/api/invites/abcDEF123_-xyz/accept')).toBe('/api/invites/…/accept');
		expect(loggablePath('/invite/abcDEF123_-xyz')).toBe('/invite/…');
		expect(loggablePath('/api/workspaces/01ab/invites')).toBe('/api/workspaces/01ab/invites');
		expect(loggablePath('/db/tf-ws-01ab/_all_docs')).toBe('/db/tf-ws-01ab/_all_docs');
	});

	it('masks calendar feed tokens but not the feed settings endpoint', () => {
		expect(loggablePath('/api/calendar/abcDEF123_-xyz.ics')).toBe('/api/calendar/…');
		expect(loggablePath('/api/calendar')).toBe('/api/calendar');
	});
});

/** A CSP header as directive name → sources. */
const directives = (csp: string): Map<string, string[]> =>
	new Map(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...sources]) => [name!, sources])
	);

describe('Content-Security-Policy', () => {
	it('for /db and /api: loads nothing, is never framed, posts no form, sets no <base>', () => {
		const csp = directives(DEFAULT_CSP);
		for (const name of ['default-src', 'frame-ancestors', 'base-uri', 'form-action']) {
			expect(csp.get(name), name).toEqual(["'none'"]);
		}
	});

	it("is set on /db and /api answers only: pages get SvelteKit's, with its script hashes", () => {
		const headers = (api: boolean) => {
			const set = new Map<string, string>();
			applySecurityHeaders({ setHeader: (n: string, v: string) => set.set(n, v) } as never, api);
			return set;
		};
		expect(headers(true).get('content-security-policy')).toBe(DEFAULT_CSP);
		expect(headers(false).has('content-security-policy')).toBe(false);
	});

	it('for pages (kit.csp): forms post only here, no plugins, no <base>, never framed', () => {
		const csp = config.kit?.csp?.directives;
		// A form smuggled into the page (say, past the markdown sanitiser) cannot post elsewhere.
		expect(csp?.['form-action']).toEqual(['self']);
		expect(csp?.['object-src']).toEqual(['none']);
		expect(csp?.['base-uri']).toEqual(['none']);
		expect(csp?.['frame-ancestors']).toEqual(['none']);
		expect(csp?.['default-src']).toEqual(['self']);
		expect(csp?.['script-src']).not.toContain('unsafe-inline');
	});
});
