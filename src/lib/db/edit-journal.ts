/**
 * Task edits this device made and has not yet seen stored. An edit is painted on screen at
 * once, but its IndexedDB write may wait behind others for a moment, and a reload, a closed
 * tab or a crash in that moment would lose it. So each edit is first written here, in
 * localStorage (synchronous: it is kept the moment the call returns), and forgotten once
 * stored; a title being typed is kept here too, as a draft, until it is saved.
 *
 * When a workspace opens, entries left by pages that are gone are replayed: only the fields
 * not stored since (see edit-replay.ts), so an edit that did land, or that a later edit
 * replaced, is not applied again.
 */
import type { TaskPatch } from '../domain/task-ops';
import { PAGE_ID } from './page-lock';

export interface JournalEntry {
	task: string;
	patch: TaskPatch;
	/** A clock taken just before the edit's write (its write stamps later ones). */
	stamp: string;
	/** The page that made it. */
	page: string;
}

/** The part of `Storage` used here (localStorage in the app). */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export class EditJournal {
	readonly #prefix: string;
	#seq = 0;

	constructor(
		db: string,
		private readonly storage: () => JournalStorage | null,
		private readonly page: string = PAGE_ID
	) {
		this.#prefix = `taskflow:edit:${db}:`;
	}

	/** Keeps an edit about to be written; returns the function that forgets it. */
	record(task: string, patch: TaskPatch, stamp: string): () => void {
		const key = `${this.#prefix}${this.page}:${++this.#seq}`;
		this.#write(key, { task, patch, stamp, page: this.page });
		return () => this.#remove(key);
	}

	/** Keeps what is being typed into `task` (replacing the last draft of it). */
	draft(task: string, patch: TaskPatch, stamp: string): void {
		this.#write(this.#draftKey(task), { task, patch, stamp, page: this.page });
	}

	dropDraft(task: string): void {
		this.#remove(this.#draftKey(task));
	}

	/** Entries of pages not in `alive`, oldest first. */
	orphans(alive: ReadonlySet<string>): { key: string; entry: JournalEntry }[] {
		const store = this.storage();
		if (!store) return [];
		const found: { key: string; entry: JournalEntry }[] = [];
		for (let i = 0; i < store.length; i++) {
			const key = store.key(i);
			if (!key?.startsWith(this.#prefix)) continue;
			const entry = parse(store.getItem(key));
			if (!entry) this.#remove(key);
			else if (!alive.has(entry.page)) found.push({ key, entry });
		}
		return found.sort((a, b) => (a.entry.stamp < b.entry.stamp ? -1 : 1));
	}

	forget(key: string): void {
		this.#remove(key);
	}

	#draftKey(task: string): string {
		return `${this.#prefix}${this.page}:draft:${task}`;
	}

	#write(key: string, entry: JournalEntry): void {
		try {
			this.storage()?.setItem(key, JSON.stringify(entry));
		} catch {
			// Storage full or blocked: the edit is written as before, just without this net.
		}
	}

	#remove(key: string): void {
		try {
			this.storage()?.removeItem(key);
		} catch {
			// nothing to undo
		}
	}
}

function parse(raw: string | null): JournalEntry | null {
	try {
		const e = JSON.parse(raw ?? '') as Partial<JournalEntry>;
		const ok =
			typeof e.task === 'string' &&
			typeof e.stamp === 'string' &&
			typeof e.page === 'string' &&
			typeof e.patch === 'object' &&
			e.patch !== null;
		return ok ? (e as JournalEntry) : null;
	} catch {
		return null;
	}
}
