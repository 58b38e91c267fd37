/**
 * Unsaved input carried across the reload that applies a new version. A form with input
 * not saved yet (a comment being written, a description being edited) registers what it
 * holds while it is open; just before the reload everything registered
 * is written to sessionStorage (this tab only) with the page's address; after the reload
 * each form takes its own entry back, once. An entry from another address, or older than
 * CARRY_MAX_AGE_MS, is dropped.
 */

export const CARRY_KEY = 'taskflow:carry-over';
/** A reload takes seconds; anything older is from some other visit. */
export const CARRY_MAX_AGE_MS = 5 * 60_000;

type Provider = () => unknown;

interface Saved {
	url: string;
	at: number;
	drafts: Record<string, unknown>;
}

/** The part of `Storage` used here (sessionStorage in the app). */
export type CarryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class CarryOver {
	readonly #providers = new Map<string, Provider>();

	constructor(
		private readonly storage: () => CarryStorage | null,
		private readonly now: () => number = Date.now
	) {}

	/**
	 * While a form is open, `provide` says what it holds that is not saved yet: a value to
	 * carry, or null/undefined for nothing. Returns the function to call when it closes.
	 */
	keep(key: string, provide: Provider): () => void {
		this.#providers.set(key, provide);
		return () => {
			if (this.#providers.get(key) === provide) this.#providers.delete(key);
		};
	}

	/** Writes what every open form holds; true when there was anything to carry. */
	save(url: string): boolean {
		const drafts: Record<string, unknown> = {};
		for (const [key, provide] of this.#providers) {
			const value = provide();
			if (value !== null && value !== undefined) drafts[key] = value;
		}
		const storage = this.storage();
		if (!storage || Object.keys(drafts).length === 0) return false;
		const saved: Saved = { url, at: this.now(), drafts };
		try {
			storage.setItem(CARRY_KEY, JSON.stringify(saved));
			return true;
		} catch {
			return false; // storage full or blocked: the reload goes ahead without it
		}
	}

	/** Whether an entry for `key` waits at `url` (without taking it). */
	has(key: string, url: string): boolean {
		return this.#read(url)?.drafts[key] !== undefined;
	}

	/** The entry for `key` at `url`, removed so it is restored only once. */
	take<T>(key: string, url: string): T | null {
		const saved = this.#read(url);
		const value = saved?.drafts[key];
		if (!saved || value === undefined) return null;
		delete saved.drafts[key];
		const storage = this.storage();
		if (Object.keys(saved.drafts).length === 0) storage?.removeItem(CARRY_KEY);
		else storage?.setItem(CARRY_KEY, JSON.stringify(saved));
		return value as T;
	}

	#read(url: string): Saved | null {
		const storage = this.storage();
		const raw = storage?.getItem(CARRY_KEY);
		if (!storage || !raw) return null;
		try {
			const saved = JSON.parse(raw) as Saved;
			const fresh = this.now() - saved.at <= CARRY_MAX_AGE_MS;
			if (saved.url === url && fresh && saved.drafts && typeof saved.drafts === 'object') {
				return saved;
			}
		} catch {
			// unreadable: dropped below
		}
		storage.removeItem(CARRY_KEY);
		return null;
	}
}

/** The app's carry-over, on this tab's sessionStorage. */
export const carryOver = new CarryOver(() =>
	typeof sessionStorage === 'undefined' ? null : sessionStorage
);
