/**
 * Registers the service worker with workbox-window and announces new versions. A new
 * version is applied only when the person clicks: the waiting worker takes over and the
 * page reloads once. Everything the app saves is already on the device, so the reload
 * loses nothing but an unsent draft, which is why it waits for the click.
 */
import { dev } from '$app/environment';
import { Workbox } from 'workbox-window';

class PwaUpdates {
	#waiting = $state(false);
	#registered = $state(false);
	#wb: Workbox | null = null;

	/** A new version is installed and waiting for the user's go-ahead. */
	get updateReady(): boolean {
		return this.#waiting;
	}
	get registered(): boolean {
		return this.#registered;
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
	apply(): void {
		const wb = this.#wb;
		if (!wb) return;
		wb.addEventListener('controlling', () => location.reload());
		wb.messageSkipWaiting();
	}

	/** Look for a new version now (e.g. when the app comes back to the foreground). */
	check(): void {
		void this.#wb?.update();
	}
}

export const pwaUpdates = new PwaUpdates();
