/**
 * Registers the service worker with workbox-window and announces new versions. A new
 * version is applied only when the person clicks: the waiting worker takes over and the
 * page reloads once (take-over.ts). Everything the app saves is already on the device, and
 * input not saved yet is carried across the reload (carry-over.ts); still it waits for the
 * click, so nobody's screen changes under them.
 */
import { dev } from '$app/environment';
import { Workbox } from 'workbox-window';
import { carryOver } from './carry-over';
import { takeOver } from './take-over';

/** Time for a field that saves on blur or change to store its value before the reload. */
const SETTLE_MS = 300;

class PwaUpdates {
	#waiting = $state(false);
	#registered = $state(false);
	#applying = $state(false);
	#wb: Workbox | null = null;

	/** A new version is installed and waiting for the user's go-ahead. */
	get updateReady(): boolean {
		return this.#waiting;
	}
	get registered(): boolean {
		return this.#registered;
	}
	/** The person clicked to update and the page is about to reload. */
	get applying(): boolean {
		return this.#applying;
	}

	register(url = '/service-worker.js'): void {
		if (this.#wb || !('serviceWorker' in navigator)) return;
		// SvelteKit builds the worker as a module in dev and a classic script in production.
		const wb = new Workbox(url, { type: dev ? 'module' : 'classic' });
		this.#wb = wb;
		wb.addEventListener('waiting', () => (this.#waiting = true));
		wb.register()
			.then(() => (this.#registered = true))
			.catch((err: unknown) => console.warn('service worker not registered', err));
	}

	/** Switch to the waiting version and reload once it controls the page. */
	async apply(): Promise<void> {
		if (this.#applying || !('serviceWorker' in navigator)) return;
		this.#applying = true;
		// Nothing typed is lost: a field that saves when it loses focus saves now, and forms
		// with input not saved yet carry it across the reload (carry-over.ts), as it stands
		// when the reload happens, however long the new version takes to be in charge.
		if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
		await new Promise((r) => setTimeout(r, SETTLE_MS));
		const container = navigator.serviceWorker;
		const registration = await container.getRegistration();
		const waiting = registration?.waiting ?? null;
		takeOver({
			waiting: waiting && {
				get state() {
					return waiting.state;
				},
				postMessage: (message) => waiting.postMessage(message),
				onStateChange: (listener) => waiting.addEventListener('statechange', listener)
			},
			onControllerChange: (listener) =>
				container.addEventListener('controllerchange', listener, { once: true }),
			reload: () => {
				carryOver.save(location.href);
				location.reload();
			}
		});
	}

	/** Look for a new version now (e.g. when the app comes back to the foreground). */
	check(): void {
		void this.#wb?.update();
	}
}

export const pwaUpdates = new PwaUpdates();
