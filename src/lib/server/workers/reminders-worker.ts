/**
 * The reminders worker: turns each workspace's activity log into `notification:` documents
 * in the recipients' private databases (assigned, status or due date changed, mentioned),
 * and keeps the open tasks with due dates in a schedule that fires due-soon and overdue
 * reminders on time.
 *
 * Never misses: a batch's notifications are written before its checkpoint is stored, and
 * the schedule is rebuilt from the `open_due` view whenever a workspace is (re)discovered,
 * so a restart catches up on thresholds that passed while it was down. Never repeats: ids
 * are derived from the activity entry or from (task, due date, lead), a document that
 * exists — or that its user deleted — is never written again, and a conflict with a second
 * instance writing the same id counts as done. Recipients must still be members of the
 * workspace (checked in `_users` at delivery), and their preferences decide which kinds
 * they get and whether it is their quiet time.
 */
import type { DocumentScope, ServerScope } from 'nano';
import { userDbName } from '../../domain/ids';
import type { Activity } from '../../domain/schemas/activity.schema';
import type { NotificationKind } from '../../domain/schemas/notification.schema';
import { prefsSchema } from '../../domain/schemas/prefs.schema';
import {
	dueReminder,
	OVERDUE_WINDOW_MS,
	reminderRecipient,
	reminderZone
} from '../../notifications/due-reminders';
import {
	notificationsForActivity,
	type Draft,
	type TaskFacts,
	type Watchers
} from '../../notifications/notification-events';
import {
	inQuietHours,
	notificationSettings,
	type NotificationSettings
} from '../../notifications/notification-settings';
import { REGISTRY_DB, type WorkspaceEntry } from '../../../../couchdb/provision';
import type { Change } from './changes-follower';
import type { WorkspaceWorker } from './workspace-workers';

type Doc = { _id: string; _rev?: string; type?: unknown; [k: string]: unknown };

const PREFS_TTL_MS = 10_000;
/** Longest a due-time timer waits; the schedule is also checked on every batch and tick. */
const MAX_TIMER_MS = 60_000;

export interface RemindersWorkerOptions {
	couch: ServerScope;
	now?: () => Date;
	/** Called after each write with how many notifications of a kind were written. */
	onWritten?: (kind: NotificationKind, count: number) => void;
	onError?: (err: unknown) => void;
	overdueWindowMs?: number;
	/** Names the checkpoint (`_local/taskflow-<name>`); another name starts from scratch. */
	name?: string;
}

const workspaceOf = (db: string) => db.replace(/^tf-ws-/, '');
const isTask = (d: Doc | undefined): d is Doc & TaskFacts => d?.type === 'task';

export class RemindersWorker implements WorkspaceWorker {
	readonly name: string;
	readonly #couch: ServerScope;
	readonly #now: () => Date;
	readonly #onWritten: NonNullable<RemindersWorkerOptions['onWritten']>;
	readonly #onError: (err: unknown) => void;
	readonly #overdueWindowMs: number;
	/** Per workspace database: open tasks with a due date. */
	readonly #schedules = new Map<string, Map<string, TaskFacts>>();
	readonly #loading = new Map<string, Promise<void>>();
	/** Per workspace database: when each scheduled task's next reminder falls due. */
	readonly #nextAt = new Map<string, Map<string, number>>();
	readonly #prefs = new Map<string, { at: number; settings: NotificationSettings }>();
	/** `user/id` of notifications known to exist, so the schedule does not ask again. */
	readonly #known = new Set<string>();
	#timer: NodeJS.Timeout | null = null;
	#dbs: readonly string[] = [];
	#stopped = false;

	constructor(opts: RemindersWorkerOptions) {
		this.name = opts.name ?? 'reminders';
		this.#couch = opts.couch;
		this.#now = opts.now ?? (() => new Date());
		this.#onWritten = opts.onWritten ?? (() => undefined);
		this.#onError = opts.onError ?? (() => undefined);
		this.#overdueWindowMs = opts.overdueWindowMs ?? OVERDUE_WINDOW_MS;
	}

	async onBatch(dbName: string, changes: Change[]): Promise<void> {
		await this.#ensureSchedule(dbName);
		const schedule = this.#schedules.get(dbName)!;
		const inBatch = new Map<string, Doc>();
		for (const c of changes) {
			if (c.doc) inBatch.set(c.id, c.doc);
			if (c.id.startsWith('task:')) {
				const doc = c.doc;
				if (!c.deleted && isTask(doc) && doc.due && doc.status !== 'done' && !doc.deletedAt) {
					schedule.set(c.id, doc);
				} else {
					schedule.delete(c.id);
					this.#nextAt.get(dbName)?.delete(c.id);
				}
			}
		}
		const activities = changes
			.map((c) => c.doc)
			.filter((d): d is Doc & Activity => d?.type === 'activity')
			.sort((a, b) => (a._id < b._id ? -1 : 1));
		if (activities.length) await this.#notifyActivities(dbName, activities, inBatch);
		await this.#checkDue(
			dbName,
			[...schedule.keys()].filter((id) => inBatch.has(id))
		);
		this.#arm();
	}

	async tick(dbs: readonly string[]): Promise<void> {
		this.#dbs = dbs;
		for (const db of dbs) {
			try {
				await this.#ensureSchedule(db);
				await this.#checkDue(db);
			} catch (err) {
				this.#onError(err);
			}
		}
		this.#arm();
	}

	onDropped(db: string): void {
		this.#schedules.delete(db);
		this.#nextAt.delete(db);
		this.#dbs = this.#dbs.filter((d) => d !== db);
	}

	flush(): Promise<void> {
		this.#stopped = true;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		return Promise.resolve();
	}

	/** Open tasks with a due date in one workspace (for tests and the bench). */
	scheduled(db: string): number {
		return this.#schedules.get(db)?.size ?? 0;
	}

	// --- activity → notifications -------------------------------------------------------

	async #notifyActivities(dbName: string, activities: Activity[], inBatch: Map<string, Doc>) {
		const db = this.#couch.use<Doc>(dbName);
		const wanted = new Set<string>();
		for (const a of activities) {
			if (a.task) wanted.add(a.task);
			if (a.doc.startsWith('comment:') && a.action === 'create') wanted.add(a.doc);
		}
		const docs = new Map<string, Doc>();
		const missing = [...wanted].filter((id) => {
			const d = inBatch.get(id);
			if (d) docs.set(id, d);
			return !d;
		});
		if (missing.length) {
			const res = await db.fetch({ keys: missing });
			for (const row of res.rows) {
				if ('doc' in row && row.doc) docs.set(row.id, row.doc);
			}
		}
		const watchersOf = new Map<string, Watchers>();
		const needWatchers = new Set(
			activities
				.filter((a) => a.task && (a.field === 'status' || a.field === 'due'))
				.map((a) => a.task!)
		);
		await Promise.all(
			[...needWatchers].map(async (task) => watchersOf.set(task, await this.#watchers(db, task)))
		);
		const dependents = new Map<string, TaskFacts[]>();
		const finished = [
			...new Set(
				activities
					.filter((a) => a.task && a.field === 'status' && a.to === 'done')
					.map((a) => a.task!)
			)
		];
		if (finished.length) {
			const res = await db.view('taskflow', 'blocked_by', { keys: finished, include_docs: true });
			for (const row of res.rows) {
				const doc = row.doc as Doc | undefined;
				if (!isTask(doc)) continue;
				const key = String(row.key);
				dependents.set(key, [...(dependents.get(key) ?? []), doc]);
			}
		}
		const now = this.#now().toISOString();
		const drafts = activities.flatMap((a) => {
			const task = a.task ? docs.get(a.task) : undefined;
			const comment = docs.get(a.doc);
			return notificationsForActivity(a, {
				workspace: workspaceOf(dbName),
				task: isTask(task) ? task : null,
				comment:
					comment?.type === 'comment' && typeof comment.body === 'string'
						? { body: comment.body }
						: null,
				watchers: (a.task && watchersOf.get(a.task)) || { on: [], off: [] },
				dependents: (a.task && dependents.get(a.task)) || [],
				now
			});
		});
		await this.#deliver(dbName, drafts);
	}

	async #watchers(db: DocumentScope<Doc>, task: string): Promise<Watchers> {
		const base = `watch:${task.replace(/^task:/, '')}:`;
		const res = await db.list({ startkey: base, endkey: `${base}\uffff`, include_docs: true });
		const on: string[] = [];
		const off: string[] = [];
		for (const row of res.rows) {
			const d = row.doc as { user?: unknown; on?: unknown } | undefined;
			if (typeof d?.user !== 'string') continue;
			(d.on === true ? on : off).push(d.user);
		}
		return { on, off };
	}

	// --- the due schedule ---------------------------------------------------------------

	#ensureSchedule(dbName: string): Promise<void> {
		if (this.#schedules.has(dbName)) return Promise.resolve();
		let loading = this.#loading.get(dbName);
		if (!loading) {
			loading = this.#loadSchedule(dbName).finally(() => this.#loading.delete(dbName));
			this.#loading.set(dbName, loading);
		}
		return loading;
	}

	async #loadSchedule(dbName: string): Promise<void> {
		const res = await this.#couch
			.use<Doc>(dbName)
			.view('taskflow', 'open_due', { include_docs: true });
		const schedule = new Map<string, TaskFacts>();
		for (const row of res.rows) {
			const doc = row.doc as Doc | undefined;
			if (isTask(doc)) schedule.set(doc._id, doc);
		}
		this.#schedules.set(dbName, schedule);
	}

	/** Writes the reminders that are due now (of `only` tasks, or all scheduled ones). */
	async #checkDue(dbName: string, only?: string[]): Promise<void> {
		const schedule = this.#schedules.get(dbName);
		if (!schedule) return;
		const nowMs = this.#now().getTime();
		const drafts: Draft[] = [];
		let next = this.#nextAt.get(dbName);
		if (!next) this.#nextAt.set(dbName, (next = new Map<string, number>()));
		for (const id of only ?? schedule.keys()) {
			const task = schedule.get(id);
			if (!task) continue;
			const user = reminderRecipient(task);
			const settings = await this.#settings(user);
			const r = dueReminder(task, {
				workspace: workspaceOf(dbName),
				user,
				leadHours: settings.leadHours,
				zone: reminderZone(settings.timeZone, 'UTC'),
				nowMs,
				overdueWindowMs: this.#overdueWindowMs
			});
			if (r.nextAt === null) next.delete(id);
			else next.set(id, r.nextAt);
			if (r.draft && !this.#known.has(`${user}/${r.draft.doc._id}`)) drafts.push(r.draft);
		}
		await this.#deliver(dbName, drafts);
	}

	/**
	 * Sets a timer for the next reminder threshold across every followed workspace, from the
	 * thresholds `#checkDue` noted (so arming costs a pass over numbers, not zone maths).
	 */
	#arm(): void {
		if (this.#stopped) return;
		if (this.#timer) clearTimeout(this.#timer);
		const nowMs = this.#now().getTime();
		let next = nowMs + MAX_TIMER_MS;
		for (const perTask of this.#nextAt.values()) {
			for (const at of perTask.values()) if (at < next) next = at;
		}
		this.#timer = setTimeout(
			() => {
				this.#timer = null;
				void this.tick(this.#dbs.length ? this.#dbs : [...this.#schedules.keys()]);
			},
			Math.max(0, next - nowMs) + 5
		);
		this.#timer.unref();
	}

	// --- delivery -----------------------------------------------------------------------

	/**
	 * A user's notification settings; `fresh` reads them now (delivery honours a change at
	 * once), otherwise a copy up to PREFS_TTL_MS old will do (the schedule's checks).
	 */
	async #settings(user: string, fresh = false): Promise<NotificationSettings> {
		const cached = this.#prefs.get(user);
		const nowMs = Date.now();
		if (!fresh && cached && nowMs - cached.at < PREFS_TTL_MS) return cached.settings;
		let prefs = null;
		try {
			const doc = await this.#couch.use(userDbName(user)).get('prefs');
			const parsed = prefsSchema.safeParse(doc);
			prefs = parsed.success ? parsed.data : null;
		} catch {
			prefs = null; // no preferences saved (or no database yet): the defaults
		}
		const settings = notificationSettings(prefs);
		this.#prefs.set(user, { at: nowMs, settings });
		return settings;
	}

	/** Members of workspace `ws` among `users`, from its member list (read now). */
	async #members(ws: string, users: string[]): Promise<Set<string>> {
		let members: Record<string, unknown> = {};
		try {
			const entry = await this.#couch.use<WorkspaceEntry>(REGISTRY_DB).get(`workspace:${ws}`);
			members = entry.members ?? {};
		} catch (err) {
			if ((err as { statusCode?: number }).statusCode !== 404) throw err;
		}
		return new Set(users.filter((u) => Object.hasOwn(members, u)));
	}

	async #deliver(dbName: string, drafts: Draft[]): Promise<void> {
		if (drafts.length === 0) return;
		const ws = workspaceOf(dbName);
		const byUser = new Map<string, Draft[]>();
		for (const d of drafts) byUser.set(d.user, [...(byUser.get(d.user) ?? []), d]);
		const members = await this.#members(ws, [...byUser.keys()]);
		const nowMs = this.#now().getTime();
		for (const [user, list] of byUser) {
			if (!members.has(user)) continue;
			const settings = await this.#settings(user, true);
			const quiet = inQuietHours(
				nowMs,
				reminderZone(settings.timeZone, 'UTC'),
				settings.quietHours
			);
			const docs = list.filter((d) => settings.kinds[d.doc.kind]).map((d) => ({ ...d.doc, quiet }));
			await this.#write(user, docs);
		}
	}

	/** Writes the documents that do not exist yet (deleted ones count as existing). */
	async #write(user: string, docs: Draft['doc'][]): Promise<void> {
		const unique = [...new Map(docs.map((d) => [d._id, d])).values()];
		if (unique.length === 0) return;
		const db = this.#couch.use(userDbName(user));
		let existing;
		try {
			existing = await db.fetchRevs({ keys: unique.map((d) => d._id) });
		} catch (err) {
			if ((err as { statusCode?: number }).statusCode === 404) return; // no private database
			throw err;
		}
		const present = new Set(
			existing.rows.filter((r) => !('error' in r) || r.error !== 'not_found').map((r) => r.key)
		);
		const fresh = unique.filter((d) => !present.has(d._id));
		for (const id of present) this.#known.add(`${user}/${id}`);
		if (fresh.length === 0) return;
		const results = (await db.bulk({ docs: fresh })) as { id: string; error?: string }[];
		const failed = results.filter((r) => r.error && r.error !== 'conflict');
		if (failed.length) {
			throw new Error(`notifications not written: ${failed.map((r) => r.error).join(', ')}`);
		}
		const counts = new Map<NotificationKind, number>();
		for (const r of results) {
			this.#known.add(`${user}/${r.id}`);
			if (r.error) continue; // written by another instance meanwhile
			const kind = fresh.find((d) => d._id === r.id)!.kind;
			counts.set(kind, (counts.get(kind) ?? 0) + 1);
		}
		for (const [kind, n] of counts) this.#onWritten(kind, n);
		if (this.#known.size > 200_000) this.#known.clear();
	}
}
