/**
 * The signed-in user's time tracking in one workspace: their running timer(s), a ticking
 * clock for elapsed time, and a revision counter that changes whenever any time entry does,
 * so timesheets and roll-ups can re-read their views. Everything comes from the local
 * database, so it works the same offline, after a reload and after a device restart.
 */
import type { TimeEntry } from '../domain/schemas/time-entry.schema';
import { resolveTimeZone } from '../domain/time/zoned-time';
import { prefsStore } from './prefs-store.svelte';
import { changeHub } from './change-hub';
import type { Db } from './pouch';
import { TimeEntriesRepo } from './time-entries.repo';

export class TimeTracker {
	readonly repo: TimeEntriesRepo;
	#running = $state.raw<TimeEntry[]>([]);
	#now = $state(Date.now());
	#revision = $state(0);
	#loaded = $state(false);
	#following = false;
	#unsubscribe: (() => void) | null = null;
	#tick: ReturnType<typeof setInterval> | null = null;
	#reload: ReturnType<typeof setTimeout> | null = null;

	/**
	 * @param busySyncing whether replication is still moving documents: the first read of
	 * running timers waits for a pause, so that on a freshly synced device building the
	 * view's index over every document does not slow the sync or the first paint.
	 */
	constructor(
		private readonly db: Db,
		readonly user: string,
		private readonly busySyncing: () => boolean = () => false
	) {
		this.repo = new TimeEntriesRepo(db, user);
	}

	/** The running timer (newest when several ran on offline devices), or null. */
	get current(): TimeEntry | null {
		return this.#running[0] ?? null;
	}
	/** All of this user's running timers; more than one needs the user's decision. */
	get running(): readonly TimeEntry[] {
		return this.#running;
	}
	get loaded(): boolean {
		return this.#loaded;
	}
	/** Now, updated every second while a timer runs. */
	get now(): number {
		return this.#now;
	}
	/** Changes whenever any time entry in the workspace is written, here or by sync. */
	get revision(): number {
		return this.#revision;
	}
	/** The user's time zone: from preferences, else this device's. */
	get timeZone(): string {
		return resolveTimeZone(prefsStore.prefs.timeZone);
	}

	start(): void {
		this.#following = true;
		void changeHub(this.db)
			.subscribe(
				(c) => isTime(c.id) && this.#changed(),
				(err) => console.warn('time entry feed stopped', err)
			)
			.then((unsubscribe) => {
				if (this.#following) this.#unsubscribe = unsubscribe;
				else unsubscribe();
			});
		const firstLoad = () => {
			if (!this.#following) return;
			if (this.busySyncing()) this.#reload = setTimeout(firstLoad, 500);
			else void this.#load();
		};
		this.#reload = setTimeout(firstLoad, 300);
	}

	stop(): void {
		this.#following = false;
		this.#unsubscribe?.();
		this.#unsubscribe = null;
		if (this.#tick) clearInterval(this.#tick);
		if (this.#reload) clearTimeout(this.#reload);
		this.#tick = null;
	}

	/** Starts a timer on a task (stopping the running one). */
	async startTimer(task: { _id: string; project: string }, billable = true): Promise<TimeEntry> {
		const { started } = await this.repo.start(task, { tz: this.timeZone, billable });
		await this.#load();
		return started;
	}

	/** Stops a running timer now; returns the finished entry. */
	async stopTimer(entry: TimeEntry | null = this.current): Promise<TimeEntry | null> {
		if (!entry) return null;
		const done = await this.repo.stop(entry, this.timeZone);
		await this.#load();
		return done;
	}

	/** Entries change in bursts during sync: re-read once per burst. */
	#changed(): void {
		this.#revision++;
		if (this.#reload) clearTimeout(this.#reload);
		this.#reload = setTimeout(() => void this.#load(), 50);
	}

	async #load(): Promise<void> {
		if (!this.#following) return;
		try {
			this.#running = await this.repo.running();
			this.#loaded = true;
		} catch (err) {
			console.warn('could not read running timers', err);
		}
		this.#now = Date.now();
		if (this.#running.length > 0 && !this.#tick) {
			this.#tick = setInterval(() => (this.#now = Date.now()), 1000);
		} else if (this.#running.length === 0 && this.#tick) {
			clearInterval(this.#tick);
			this.#tick = null;
		}
	}
}

const isTime = (id: string) => id.startsWith('time:');
