/**
 * Everything the UI needs for one open workspace: its local database, live collections of
 * projects and tasks, the repositories that write to them, and replication. One at a time;
 * switching workspace closes the previous one.
 */
import { countByTask } from '../domain/attachments';
import { newReplicaId } from '../domain/hlc';
import { idRange, ulidOf, type TaskId } from '../domain/ids';
import type { Attachment } from '../domain/schemas/attachment.schema';
import type { Comment } from '../domain/schemas/comment.schema';
import type { Project } from '../domain/schemas/project.schema';
import type { Task } from '../domain/schemas/task.schema';
import { AttachmentsRepo } from './attachments.repo';
import { CommentsRepo } from './comments.repo';
import { ConflictRepairer } from './conflict-repair';
import { LiveCollection } from './live-collection.svelte';
import { openLocalDb, openRemoteDb, type Db } from './pouch';
import { ProjectsRepo } from './projects.repo';
import { SyncManager } from './sync-manager.svelte';
import { EditJournal } from './edit-journal';
import { holdPageLock, livePages } from './page-lock';
import { TasksRepo } from './tasks.repo';
import { WatchesRepo } from './watches.repo';
import { subtaskIndex } from '../domain/task-graph';
import { rankAfterAll } from '../domain/rank';
import { TimeTracker } from './time-tracker.svelte';
import { Writer } from './writer';

const REPLICA_KEY = 'taskflow.replica';

/** This device's replica id for hybrid logical clocks (stable per browser profile). */
function replicaId(): string {
	let id = localStorage.getItem(REPLICA_KEY);
	if (!id) {
		id = newReplicaId();
		localStorage.setItem(REPLICA_KEY, id);
	}
	return id;
}

const isType =
	<T>(type: string) =>
	(doc: unknown): doc is T =>
		typeof doc === 'object' && doc !== null && (doc as { type?: unknown }).type === type;

export class WorkspaceSession {
	readonly db: Db;
	readonly sync: SyncManager;
	readonly writer: Writer;
	readonly projects: LiveCollection<Project>;
	readonly tasks: LiveCollection<Task>;
	/** Every file's document (metadata and stubs only; bytes are read on demand). */
	readonly attachments: LiveCollection<Attachment>;
	/** Files per task, for the paperclip on cards. */
	readonly attachmentCounts = $derived.by(() => countByTask(this.attachments.values()));
	/** Every task's subtasks, rebuilt in one pass when tasks change. */
	readonly subtasks = $derived.by(() => subtaskIndex(this.tasks.values()));
	readonly projectsRepo: ProjectsRepo;
	readonly tasksRepo: TasksRepo;
	readonly commentsRepo: CommentsRepo;
	readonly watchesRepo: WatchesRepo;
	readonly attachmentsRepo: AttachmentsRepo;
	readonly time: TimeTracker;
	/** False for viewers; follows role changes while the workspace stays open. */
	canWrite: boolean;

	constructor(
		readonly workspaceId: string,
		readonly dbName: string,
		readonly user: string,
		canWrite = true
	) {
		this.canWrite = canWrite;
		// One local database per user and workspace, so two people sharing a browser profile
		// never see each other's unsynced work.
		this.db = openLocalDb(`taskflow-${user}-${dbName}`);
		this.sync = new SyncManager(
			this.db,
			openRemoteDb(dbName),
			`${user}-${dbName}`,
			() => this.#repairConflicts(),
			true
		);
		this.writer = new Writer(user, replicaId());
		this.projects = new LiveCollection(this.db, 'project:', isType<Project>('project'));
		this.tasks = new LiveCollection(this.db, 'task:', isType<Task>('task'));
		this.attachments = new LiveCollection(this.db, 'attachment:', isType<Attachment>('attachment'));
		this.projectsRepo = new ProjectsRepo(this.db, this.writer);
		this.tasksRepo = new TasksRepo(
			this.db,
			this.writer,
			(project) => this.#occurrenceRank(project),
			this.tasks,
			new EditJournal(`${user}-${dbName}`, () => globalThis.localStorage ?? null)
		);
		this.commentsRepo = new CommentsRepo(this.db, this.writer);
		this.watchesRepo = new WatchesRepo(this.db, this.writer);
		this.attachmentsRepo = new AttachmentsRepo(this.db, this.writer);
		this.time = new TimeTracker(this.db, user, () =>
			['starting', 'syncing'].includes(this.sync.state.phase)
		);
	}

	/** Settles when the first read of the tasks is done (loaded or failed). */
	#tasksLoaded: Promise<void> = Promise.resolve();

	start(): void {
		void this.projects.start();
		this.#tasksLoaded = this.tasks.start();
		// Edits a page painted but had not stored when it went (reload, close, crash).
		holdPageLock();
		void this.#tasksLoaded
			.then(livePages)
			.then((alive) => this.tasksRepo.replayJournal(alive))
			.catch((err: unknown) => console.warn('unsaved edits could not be replayed', err));
		void this.attachments.start();
		this.time.start();
		this.sync.start();
		void navigator.storage?.persist?.();
	}

	/** After the last to-do of `project`: where the next occurrence of a repeating task goes. */
	#occurrenceRank(project: string): string {
		const ranks: string[] = [];
		for (const t of this.tasks.values()) {
			if (t.project === project && t.status === 'todo' && !t.deletedAt) ranks.push(t.rank);
		}
		return rankAfterAll(ranks);
	}

	/** Viewers cannot write, so they leave conflicts to the members' devices. */
	#repairConflicts(): (() => void) | void {
		const repairer = new ConflictRepairer(this.db, this.user, () => this.canWrite);
		let stopped = false;
		// Its first scan reads every task again: wait until the board has its own read, so a
		// cold start paints cards before this competes for IndexedDB.
		void this.#tasksLoaded.then(() => {
			if (stopped) return;
			repairer.start().catch((err: unknown) => console.warn('conflict repair stopped', err));
		});
		return () => {
			stopped = true;
			repairer.stop();
		};
	}

	/** A live view of one task's comments; stop it when the task closes. */
	comments(task: TaskId): LiveCollection<Comment> {
		const prefix = idRange(`comment:${ulidOf(task)}:`).startkey;
		const c = new LiveCollection(this.db, prefix, isType<Comment>('comment'));
		void c.start();
		return c;
	}

	close(): void {
		this.projects.stop();
		this.tasks.stop();
		this.attachments.stop();
		this.time.stop();
		this.sync.stop();
		void this.db.close();
	}
}

let current: WorkspaceSession | null = null;

/** Open (or keep) the session for `workspaceId`, closing any other. */
export function openWorkspace(
	workspaceId: string,
	dbName: string,
	user: string,
	canWrite = true
): WorkspaceSession {
	if (current && current.workspaceId === workspaceId && current.user === user) {
		current.canWrite = canWrite;
		return current;
	}
	current?.close();
	current = new WorkspaceSession(workspaceId, dbName, user, canWrite);
	current.start();
	return current;
}

export function closeWorkspace(): void {
	current?.close();
	current = null;
}
