/**
 * Who is signed in. The server's cookie session is the truth when it can be reached; when
 * it cannot (offline, server down) the last known user and their workspaces are read from
 * this device so the app keeps working. An expired session does not stop local work: the
 * UI asks to sign in again and sync resumes afterwards.
 */
import { api, ApiError, type Me, type SessionUser, type WorkspaceInfo } from './api-client';

const USER_KEY = 'taskflow.user';
const meKey = (user: string) => `taskflow.me.${user}`;

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

function readJson<T>(key: string): T | null {
	try {
		const raw = localStorage.getItem(key);
		return raw ? (JSON.parse(raw) as T) : null;
	} catch {
		return null;
	}
}

class SessionManager {
	#status = $state<SessionStatus>('unknown');
	#user = $state<SessionUser | null>(null);
	#workspaces = $state<WorkspaceInfo[]>([]);
	/** True when the server could not confirm the session (we are using the cached one). */
	#unverified = $state(false);
	/** True when the server said the session is gone while we were working. */
	#expired = $state(false);
	/** Workspaces this user was removed from while they had them open. */
	#removed = $state<string[]>([]);
	#owner = $state(false);
	#initialised: Promise<void> | null = null;

	get status() {
		return this.#status;
	}
	get user() {
		return this.#user;
	}
	get workspaces() {
		return this.#workspaces;
	}
	get unverified() {
		return this.#unverified;
	}
	get expired() {
		return this.#expired;
	}
	/** True for the server's owner (sign-up policy, accounts). */
	get owner() {
		return this.#owner;
	}
	/** Whether the server no longer lets this user into workspace `id`. */
	removedFrom(id: string): boolean {
		return this.#removed.includes(id);
	}

	/** Resolve the session once per page load (later calls share the first). */
	init(): Promise<void> {
		this.#initialised ??= this.#load();
		return this.#initialised;
	}

	async #load(): Promise<void> {
		try {
			const user = await api.session();
			if (!user) return this.#signedOut();
			this.#signIn(user);
			await this.refreshWorkspaces();
		} catch (err) {
			const cached = readJson<SessionUser>(USER_KEY);
			if (err instanceof ApiError && err.isNetwork && cached) {
				this.#signIn(cached);
				this.#unverified = true;
			} else {
				this.#signedOut();
			}
		}
	}

	async login(name: string, password: string): Promise<void> {
		const user = await api.login(name.trim().toLowerCase(), password);
		this.#signIn(user);
		this.#expired = false;
		this.#unverified = false;
		this.#initialised = Promise.resolve();
		await this.refreshWorkspaces();
	}

	async logout(): Promise<void> {
		await api.logout().catch(() => undefined);
		localStorage.removeItem(USER_KEY);
		this.#signedOut();
		this.#initialised = Promise.resolve();
	}

	/**
	 * Sync reported 401/403: either the session ended (ask to sign in again) or the user was
	 * removed from the workspace (say so; signing in again would not help). `/api/me` tells
	 * which; until it answers, the session counts as ended.
	 */
	markExpired(): void {
		// Detached from the caller's reactive context: it may run inside an effect.
		queueMicrotask(() => void this.refreshWorkspaces());
	}

	/**
	 * Re-reads the user's workspaces and roles. A workspace that disappeared is remembered as
	 * removed but kept in the list for this page, so its local data stays on screen.
	 */
	async refreshWorkspaces(): Promise<void> {
		const user = this.#user;
		if (!user) return;
		try {
			const me: Me = await api.me();
			const ids = new Set(me.workspaces.map((w) => w.id));
			const gone = this.#workspaces.filter((w) => !ids.has(w.id));
			this.#removed = gone.map((w) => w.id);
			this.#workspaces = [...me.workspaces, ...gone];
			this.#owner = me.owner;
			this.#expired = false;
			localStorage.setItem(meKey(user.name), JSON.stringify(me));
		} catch (err) {
			if (err instanceof ApiError && err.status === 401) this.#expired = true;
		}
	}

	addWorkspace(ws: WorkspaceInfo): void {
		this.#workspaces = [...this.#workspaces.filter((w) => w.id !== ws.id), ws];
	}

	#signIn(user: SessionUser): void {
		this.#user = user;
		this.#status = 'signed-in';
		localStorage.setItem(USER_KEY, JSON.stringify(user));
		this.#workspaces = readJson<Me>(meKey(user.name))?.workspaces ?? this.#workspaces;
	}

	#signedOut(): void {
		this.#user = null;
		this.#workspaces = [];
		this.#removed = [];
		this.#owner = false;
		this.#status = 'signed-out';
	}
}

/** The app-wide session. */
export const session = new SessionManager();
