/**
 * The signed-in user's preferences: the `prefs` document of their private database, kept in
 * a local PouchDB and replicated to `tf-user-<hex>` by the same `SyncManager` the workspaces
 * use, so preferences work offline and follow the user to other devices. The theme is also
 * cached in localStorage so the next page load can apply it before the database opens.
 */
import { userDbName } from '../domain/ids';
import { defaultPrefs, prefsSchema, type Prefs, type Theme } from '../domain/schemas/prefs.schema';
import { notificationsStore } from './notifications-store.svelte';
import { openLocalDb, openRemoteDb, type Db } from './pouch';
import { SyncManager } from './sync-manager.svelte';

const THEME_KEY = 'taskflow.theme';
const PREFS_ID = 'prefs';

/** What the settings page edits: everything but the document's bookkeeping. */
export type PrefsPatch = Partial<Omit<Prefs, '_id' | '_rev' | 'type' | 'createdBy' | 'createdAt'>>;

/** Sets `data-theme` on <html> (absent for `system`, so the media query decides). */
export function applyTheme(theme: Theme): void {
	if (typeof document === 'undefined') return;
	if (theme === 'system') delete document.documentElement.dataset.theme;
	else document.documentElement.dataset.theme = theme;
	localStorage.setItem(THEME_KEY, theme);
}

class PrefsStore {
	#stored = $state<Prefs | null>(null);
	#user = $state<string | null>(null);
	#db: Db | null = null;
	#sync = $state<SyncManager | null>(null);
	#feed: PouchDB.Core.Changes<object> | null = null;

	/** The user's preferences, or the defaults until they have saved any. */
	get prefs(): Prefs {
		return this.#stored ?? defaultPrefs(this.#user ?? 'nobody', new Date(0).toISOString());
	}
	get sync(): SyncManager | null {
		return this.#sync;
	}

	/** Opens (or keeps) the store for `user`; call when the signed-in user is known. */
	open(user: string): void {
		if (this.#user === user) return;
		this.close();
		this.#user = user;
		const dbName = userDbName(user);
		const db = openLocalDb(`taskflow-${user}-${dbName}`);
		this.#db = db;
		this.#feed = db
			.changes({ since: 'now', live: true, include_docs: true, doc_ids: [PREFS_ID] })
			.on('change', (c) => this.#take(c.deleted ? null : c.doc));
		db.get(PREFS_ID).then(
			(doc) => this.#take(doc),
			() => undefined
		);
		this.#sync = new SyncManager(db, openRemoteDb(dbName), `${user}-${dbName}`);
		this.#sync.start();
		// Notifications live in the same private database and sync with it.
		notificationsStore.open(db);
	}

	/**
	 * Saves a change on this device (it syncs by itself). Conflicting revisions from edits
	 * on two offline devices are resolved here, in favour of this latest save, in one write.
	 */
	async save(patch: PrefsPatch): Promise<void> {
		const db = this.#db;
		const user = this.#user;
		if (!db || !user) throw new Error('preferences are not open');
		const now = new Date().toISOString();
		const current = await db.get<Prefs>(PREFS_ID, { conflicts: true }).catch(() => null);
		const base = current ?? defaultPrefs(user, now);
		const next = prefsSchema.parse({ ...base, ...patch, updatedAt: now });
		const losers = (current?._conflicts ?? []).map((rev) => ({
			_id: PREFS_ID,
			_rev: rev,
			_deleted: true
		}));
		// The schema strips `_conflicts`, so `next` is just the new revision's content.
		await db.bulkDocs([next, ...losers]);
		this.#take(next);
	}

	close(): void {
		notificationsStore.close();
		this.#feed?.cancel();
		this.#sync?.stop();
		void this.#db?.close();
		this.#feed = null;
		this.#sync = null;
		this.#db = null;
		this.#user = null;
		this.#stored = null;
	}

	#take(doc: unknown): void {
		const parsed = prefsSchema.safeParse(doc);
		this.#stored = parsed.success ? parsed.data : null;
		applyTheme(this.prefs.theme);
	}
}

/** The app-wide preferences store. */
export const prefsStore = new PrefsStore();

/** Applies the theme this device last used, before the preferences database is read. */
export function applyCachedTheme(): void {
	const theme = typeof localStorage === 'undefined' ? null : localStorage.getItem(THEME_KEY);
	if (theme === 'light' || theme === 'dark' || theme === 'system') applyTheme(theme);
}
