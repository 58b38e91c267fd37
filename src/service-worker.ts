/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The app shell offline. Workbox precaches every file of this build (SvelteKit's list of
 * them, revisioned by the build version) plus the shell page, and serves that shell for
 * every navigation: the app is client-rendered, so the installed app starts with no
 * network at all, cold or warm. A new version waits until the page asks it to take over
 * (see pwa-updates.svelte.ts), so nobody's open screen changes under them.
 */
import { base, build, files, version } from '$service-worker';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { serverPathPatterns, serverRoutes, type RouterRule } from '$lib/pwa/server-paths';

declare const self: ServiceWorkerGlobalScope;
/** The install event with the Static Routing API (Chromium 123+; not in TypeScript's lib yet). */
type InstallEvent = ExtendableEvent & { addRoutes?: (rules: RouterRule[]) => Promise<void> };

const SHELL = `${base}/`;

// Server endpoints (sync, API, health) go straight to the network, past this worker: they
// are never cached, and they must not keep an outgoing version awake (server-paths.ts).
// Browsers without static routing send them through the fetch handler, which passes them on.
self.addEventListener('install', (event: InstallEvent) => {
	if (event.addRoutes) {
		event.waitUntil(
			event
				.addRoutes(serverRoutes(base))
				.catch((err: unknown) => console.warn('static routes not added', err))
		);
	}
});

precacheAndRoute([
	// Files under _app/immutable have content hashes in their names (revision null): an update
	// re-downloads only what changed, not e.g. the 14 MB ONNX Runtime WASM of the ML worker.
	...build.map((url) => ({ url, revision: url.includes('/_app/immutable/') ? null : version })),
	...files.map((url) => ({ url, revision: version })),
	{ url: SHELL, revision: version }
]);
cleanupOutdatedCaches();
registerRoute(
	new NavigationRoute(createHandlerBoundToURL(SHELL), { denylist: serverPathPatterns(base) })
);

// Take charge of open pages on activation: on first install that makes the page that
// installed us work offline right away; an update only activates after the user's click.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event: ExtendableMessageEvent) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// A click on a system notification opens its task: in a TaskFlow window if one is open.
self.addEventListener('notificationclick', (event: NotificationEvent) => {
	event.notification.close();
	const url = new URL(
		(event.notification.data as { url?: string } | null)?.url ?? SHELL,
		self.location.origin
	).href;
	event.waitUntil(
		(async () => {
			const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
			if (open) {
				await open.focus();
				await open.navigate(url);
			} else {
				await self.clients.openWindow(url);
			}
		})()
	);
});
