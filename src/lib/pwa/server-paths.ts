/**
 * The paths the Node server answers itself (the CouchDB proxy, the API, health and
 * metrics), as the service worker needs them twice: never answered from the app-shell
 * cache, and routed straight to the network without waking the worker at all.
 *
 * The second matters for updates. Chromium switches to a new worker only once the old
 * one is idle; sync's requests (long polls, checkpoints, pushes from every open tab)
 * each woke the old worker again, which could hold a clicked update back for minutes.
 */

/** Server paths below the app's base path; `*` matches the rest of the path. */
export const SERVER_PATHS = ['/db/*', '/api/*', '/healthz', '/readyz', '/metrics'] as const;

/** A rule of the Service Worker Static Routing API (`InstallEvent.addRoutes`). */
export interface RouterRule {
	condition: { urlPattern: { pathname: string } };
	source: 'network';
}

/** Full-path matchers for Workbox's navigation denylist. */
export function serverPathPatterns(base: string): RegExp[] {
	return SERVER_PATHS.map((p) => new RegExp(`^${escape(base)}${escape(p).replace('\\*', '.*')}$`));
}

/** Static routes sending every server path to the network, past the worker. */
export function serverRoutes(base: string): RouterRule[] {
	return SERVER_PATHS.map((p) => ({
		condition: { urlPattern: { pathname: `${base}${p}` } },
		source: 'network'
	}));
}

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
