/**
 * The signed-in user's notifications: the `notification:` documents of their private
 * database (written by the server's reminders worker), synced to this device with the
 * preferences, so read state follows the user across devices. New arrivals while the app
 * is open are announced (toast when visible, system notification when hidden and allowed),
 * except quiet ones and reminders this device already showed itself.
 */
import { notificationSchema, type Notification } from '../domain/schemas/notification.schema';
import { LiveCollection } from './live-collection.svelte';
import type { Db } from './pouch';

export type Announce = (n: Notification) => void;

const isNotification = (d: unknown): d is Notification => notificationSchema.safeParse(d).success;

const SHOWN_KEY = 'taskflow.reminders.shown';
const SHOWN_MAX = 500;

/** Ids of reminders this device announced itself (so the worker's copy stays quiet). */
export const shownReminders = {
	has(id: string): boolean {
		return this.all().includes(id);
	},
	add(id: string): void {
		const all = this.all().filter((x) => x !== id);
		all.push(id);
		localStorage.setItem(SHOWN_KEY, JSON.stringify(all.slice(-SHOWN_MAX)));
	},
	all(): string[] {
		try {
			const v: unknown = JSON.parse(localStorage.getItem(SHOWN_KEY) ?? '[]');
			return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
		} catch {
			return [];
		}
	}
};

class NotificationsStore {
	#col = $state<LiveCollection<Notification> | null>(null);
	#db: Db | null = null;
	#announce: Announce | null = null;

	readonly items = $derived.by(() => {
		const col = this.#col;
		if (!col) return [];
		return [...col.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
	});
	readonly unread = $derived(this.items.filter((n) => !n.readAt).length);

	get ready(): boolean {
		return this.#col?.status === 'ready';
	}

	has(id: string): boolean {
		return this.#col?.get(id) !== undefined;
	}

	/** Who shows new arrivals (the layout sets it once the toaster is there). */
	setAnnouncer(announce: Announce | null): void {
		this.#announce = announce;
	}

	open(db: Db): void {
		this.close();
		this.#db = db;
		const col = new LiveCollection<Notification>(db, 'notification:', isNotification, (n) =>
			this.#arrived(n)
		);
		this.#col = col;
		void col.start();
	}

	close(): void {
		this.#col?.stop();
		this.#col = null;
		this.#db = null;
	}

	async markRead(id: string): Promise<void> {
		const db = this.#db;
		if (!db) return;
		const doc = await db.get<Notification>(id);
		if (doc.readAt) return;
		await db.put({ ...doc, readAt: new Date().toISOString() });
	}

	async markAllRead(): Promise<void> {
		const db = this.#db;
		if (!db) return;
		const now = new Date().toISOString();
		const unread = this.items.filter((n) => !n.readAt).map((n) => ({ ...n, readAt: now }));
		if (unread.length) await db.bulkDocs(unread);
	}

	#arrived(n: Notification): void {
		if (n.readAt || n.quiet || shownReminders.has(n._id)) return;
		this.#announce?.(n);
	}
}

export const notificationsStore = new NotificationsStore();
