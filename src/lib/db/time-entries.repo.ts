/**
 * Time entry writes. Each entry is its own document owned by its user, so entries never
 * conflict with anyone else's; a running timer is an entry without an end.
 */
import type { TimeEntry } from '../domain/schemas/time-entry.schema';
import {
	applyEntryPatch,
	manualEntry,
	startTimer,
	stopTimer,
	validateTimes
} from '../domain/time/time-entry-ops';
import { assertValid, ValidationError } from '../domain/validation';
import { putOrExplain } from './doc-writes';
import { errorMessage, type Db } from './pouch';
import { explainWriteFailure } from './storage-full';
import { queryView } from './views/view-query';

export type EntryPatch = Parameters<typeof applyEntryPatch>[1];

/** A time rule was broken (end before start, too long, overlapping the running timer). */
function check(entry: TimeEntry, running: TimeEntry | null, now: number): void {
	assertValid(entry);
	const problem = validateTimes(entry.start, entry.end, { running, now, selfId: entry._id });
	if (problem) throw new ValidationError({ end: problem });
}

export class TimeEntriesRepo {
	constructor(
		private readonly db: Db,
		private readonly user: string
	) {}

	/** This user's running timers, newest first (more than one only after offline starts). */
	async running(): Promise<TimeEntry[]> {
		const rows = await queryView(this.db, 'time_running', {
			startkey: [this.user],
			endkey: [this.user, {}],
			include_docs: true,
			descending: false
		});
		return rows
			.map((r) => r.doc as unknown as TimeEntry)
			.filter((d) => d && d.end === null)
			.sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
	}

	/**
	 * Starts a timer on a task, stopping the user's running ones in the same batch so there
	 * is never a moment with two (on this device).
	 */
	async start(
		task: { _id: string; project: string },
		opts: { tz: string; billable: boolean; now?: number }
	): Promise<{ started: TimeEntry; stopped: TimeEntry[] }> {
		const now = opts.now ?? Date.now();
		const stopped = (await this.running()).map((e) => stopTimer(e, now, opts.tz));
		const started = startTimer({
			user: this.user,
			task: task._id,
			project: task.project,
			now,
			tz: opts.tz,
			billable: opts.billable
		});
		for (const doc of [...stopped, started]) assertValid(doc);
		await this.#bulk([...stopped, started]);
		return { started, stopped };
	}

	/** Stops a running timer at `now` (or at a chosen end, e.g. when resolving two timers). */
	async stop(entry: TimeEntry, tz: string, now = Date.now()): Promise<TimeEntry> {
		const stopped = stopTimer(entry, now, tz);
		check(stopped, null, now);
		return this.#put(stopped);
	}

	/** Adds a finished entry typed in by hand. */
	async add(input: Omit<Parameters<typeof manualEntry>[0], 'user' | 'now'>): Promise<TimeEntry> {
		const now = Date.now();
		const entry = manualEntry({ ...input, user: this.user, now });
		const [running] = await this.running();
		check(entry, running ?? null, now);
		return this.#put(entry);
	}

	/** Edits one of the user's entries (latest revision; another device may have edited it). */
	async edit(id: string, patch: EntryPatch): Promise<TimeEntry> {
		const now = Date.now();
		const current = await this.db.get<TimeEntry>(id);
		const next = applyEntryPatch(current, patch, now);
		const [running] = next.end === null ? [null] : await this.running();
		check(next, running ?? null, now);
		return this.#put(next);
	}

	/** Deletes an entry; returns it so the caller can offer undo via `restore`. */
	async remove(entry: TimeEntry): Promise<TimeEntry> {
		const current = await this.db.get<TimeEntry>(entry._id);
		await this.db.remove(current);
		return current;
	}

	/** Puts a deleted entry back (a new revision on top of the deletion). */
	async restore(entry: TimeEntry): Promise<TimeEntry> {
		const { _rev: _drop, ...content } = entry;
		return this.#put(content);
	}

	async #put(doc: TimeEntry): Promise<TimeEntry> {
		const res = await putOrExplain(this.db, doc);
		return { ...doc, _rev: res.rev };
	}

	async #bulk(docs: TimeEntry[]): Promise<void> {
		let results: (PouchDB.Core.Response | PouchDB.Core.Error)[];
		try {
			results = await this.db.bulkDocs(docs);
		} catch (err) {
			throw await explainWriteFailure(err);
		}
		const failed = results.find((r): r is PouchDB.Core.Error => 'error' in r && !!r.error);
		if (failed) throw Object.assign(new Error(errorMessage(failed)), { status: failed.status });
	}
}
