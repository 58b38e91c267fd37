/**
 * The analytics worker keeps one snapshot per project and UTC day in each workspace
 * database (`snapshot:<project>:<day>`), so a burn-down still shows the scope a project had
 * on a day after its tasks were trashed, moved or re-estimated.
 *
 * The figures come from the `tasks_by_status` view, not from the changes themselves, so
 * replaying a batch (after a crash, or in a second instance) writes the same documents:
 * nothing is counted twice. A batch that touches tasks or projects refreshes today's
 * snapshots once changes settle; the first batch or tick of a new day writes that day's, so
 * every live project gets one per day even when nothing changes.
 */
import type { DocumentScope, ServerScope } from 'nano';
import {
	figuresByProject,
	sameFigures,
	snapshotDoc,
	snapshotId,
	type SnapshotFigures
} from '../../analytics/snapshots';
import type { KeyedRow } from '../../analytics/view-rows';
import type { Snapshot } from '../../domain/schemas/snapshot.schema';
import type { Change } from './changes-follower';
import type { WorkspaceWorker } from './workspace-workers';

const DDOC = 'taskflow';

/** Changes that can move a project's figures. */
const affectsFigures = (c: Change) => c.id.startsWith('task:') || c.id.startsWith('project:');

export interface AnalyticsWorkerOptions {
	couch: ServerScope;
	now?: () => Date;
	/** Called with the number of snapshot documents each refresh wrote. */
	onWritten?: (count: number) => void;
	/** A refresh that runs after its batch (and is retried) failed. */
	onError?: (err: unknown) => void;
	/** How long after a change the snapshots are refreshed (changes meanwhile join in). */
	settleMs?: number;
}

export class AnalyticsWorker implements WorkspaceWorker {
	readonly name = 'analytics';
	readonly #couch: ServerScope;
	readonly #now: () => Date;
	readonly #onWritten: (count: number) => void;
	readonly #onError: (err: unknown) => void;
	readonly #settleMs: number;
	/** The UTC day each database's snapshots were last refreshed for. */
	readonly #refreshedDay = new Map<string, string>();
	readonly #timers = new Map<string, NodeJS.Timeout>();
	readonly #queues = new Map<string, Promise<void>>();

	constructor(opts: AnalyticsWorkerOptions) {
		this.#couch = opts.couch;
		this.#now = opts.now ?? (() => new Date());
		this.#onWritten = opts.onWritten ?? (() => undefined);
		this.#onError = opts.onError ?? (() => undefined);
		this.#settleMs = opts.settleMs ?? 2000;
	}

	/**
	 * Marks the database for a refresh `settleMs` later, so a burst of changes (a device
	 * uploading its offline work) costs one view read. Safe to checkpoint before it runs: a
	 * restarted worker refreshes every database on its first tick anyway.
	 */
	async onBatch(db: string, changes: Change[]): Promise<void> {
		if (changes.some(affectsFigures) || this.#refreshedDay.get(db) !== this.#today()) {
			this.#schedule(db);
		}
		return Promise.resolve();
	}

	/** A new day: give every project its snapshot for it, changed or not. */
	async tick(dbs: readonly string[]): Promise<void> {
		const today = this.#today();
		for (const db of dbs) {
			if (this.#refreshedDay.get(db) === today) continue;
			await this.refresh(db).catch((err: unknown) => {
				this.#onError(err);
				this.#schedule(db);
			});
		}
	}

	onDropped(db: string): void {
		this.#refreshedDay.delete(db);
		clearTimeout(this.#timers.get(db));
		this.#timers.delete(db);
	}

	/** Runs the refreshes that are waiting to settle now, and waits for all in flight. */
	async flush(): Promise<void> {
		for (const [db, t] of this.#timers) {
			clearTimeout(t);
			this.#timers.delete(db);
			void this.refresh(db).catch((err: unknown) => this.#onError(err));
		}
		await Promise.all(this.#queues.values());
	}

	#schedule(db: string): void {
		if (this.#timers.has(db)) return;
		const t = setTimeout(() => {
			this.#timers.delete(db);
			this.refresh(db).catch((err: unknown) => {
				this.#onError(err);
				this.#schedule(db); // try again after the next pause
			});
		}, this.#settleMs);
		t.unref();
		this.#timers.set(db, t);
	}

	/**
	 * Writes today's snapshot of every live project whose figures changed; returns how many.
	 * Refreshes of one database run one after another.
	 */
	refresh(dbName: string): Promise<number> {
		const previous = this.#queues.get(dbName) ?? Promise.resolve();
		const run = previous.catch(() => undefined).then(() => this.#refresh(dbName));
		const settled = run.then(
			() => undefined,
			() => undefined
		);
		this.#queues.set(dbName, settled);
		void settled.then(() => {
			if (this.#queues.get(dbName) === settled) this.#queues.delete(dbName);
		});
		return run;
	}

	async #refresh(dbName: string): Promise<number> {
		const db = this.#couch.use(dbName);
		for (let attempt = 0; ; attempt++) {
			const figures = await this.#figures(db);
			// The day is read after the figures: figures read on a day hold nothing later than
			// that day, so a day that has ended is never rewritten with what came after it (a
			// read that straddles midnight counts for the new day, which is refreshed again).
			const now = this.#now();
			const day = now.toISOString().slice(0, 10);
			const docs = await this.#changed(db, figures, day, now.toISOString());
			if (docs.length === 0) {
				this.#refreshedDay.set(dbName, day);
				return 0;
			}
			const results = (await db.bulk({ docs })) as { id: string; error?: string }[];
			const written = results.filter((r) => !r.error).length;
			if (written) this.#onWritten(written);
			const failed = results.filter((r) => r.error);
			if (failed.length === 0) {
				this.#refreshedDay.set(dbName, day);
				return written;
			}
			// Another instance wrote the same snapshot meanwhile: read it and compare again.
			if (attempt >= 2 || failed.some((r) => r.error !== 'conflict')) {
				throw new Error(`snapshots not written: ${failed.map((r) => r.error).join(', ')}`);
			}
		}
	}

	async #figures(db: DocumentScope<unknown>): Promise<Map<string, SnapshotFigures>> {
		const [view, projects] = await Promise.all([
			db.view(DDOC, 'tasks_by_status', { group_level: 2 }),
			db.list({ startkey: 'project:', endkey: 'project:\uffff', include_docs: true })
		]);
		const live = projects.rows
			.filter((r) => r.doc && !(r.doc as { archived?: boolean }).archived)
			.map((r) => r.id);
		return figuresByProject(view.rows as unknown as KeyedRow<number[]>[], live);
	}

	async #changed(
		db: DocumentScope<unknown>,
		figures: Map<string, SnapshotFigures>,
		day: string,
		takenAt: string
	): Promise<Snapshot[]> {
		if (figures.size === 0) return [];
		const ids = [...figures.keys()].map((p) => snapshotId(p, day));
		const existing = await db.fetch({ keys: ids });
		const current = new Map<string, Snapshot>();
		for (const row of existing.rows) {
			if ('doc' in row && row.doc) current.set(row.id, row.doc as unknown as Snapshot);
		}
		const out: Snapshot[] = [];
		for (const [project, f] of figures) {
			const id = snapshotId(project, day);
			const old = current.get(id);
			if (old && sameFigures(old, f)) continue;
			const doc = snapshotDoc(project, day, f, takenAt);
			out.push(old?._rev ? { ...doc, _rev: old._rev } : doc);
		}
		return out;
	}

	#today(): string {
		return this.#now().toISOString().slice(0, 10);
	}
}
