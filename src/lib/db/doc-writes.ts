/**
 * The two ways TaskFlow writes a workspace document: create, or read-modify-write a patch.
 * Both validate against the shared schemas first (the server refuses the same things) and
 * then append activity entries.
 *
 * A new document and its activity line are one IndexedDB transaction: both are stored or
 * neither, and a busy device pays for one write, not two. A patch is two writes, document
 * first (its put can meet a newer revision and must be retried before anything is logged):
 * if the tab dies between them the user's data is intact and only the audit line is
 * missing — never the reverse.
 */
import type { Activity } from '../domain/schemas/activity.schema';
import { assertValid } from '../domain/validation';
import type { FieldChange, WriteContext } from '../domain/write-context';
import { errorStatus, type Db } from './pouch';
import { explained } from './storage-full';

export { StorageFullError } from './storage-full';
import type { Writer } from './writer';

export interface WorkspaceDocBase {
	_id: string;
	_rev?: string;
	type: string;
	clocks?: Record<string, string>;
}

export interface Target {
	doc: string;
	task?: string | null;
	project?: string | null;
}

const MAX_ATTEMPTS = 5;

export async function createDoc<T extends WorkspaceDocBase>(
	db: Db,
	writer: Writer,
	build: (ctx: WriteContext) => T,
	target: (doc: T) => Target
): Promise<T> {
	const ctx = writer.context();
	const doc = build(ctx);
	assertValid(doc);
	const activity = writer.activity(ctx, 'create', target(doc));
	assertValid(activity);
	// One bulkDocs is one IndexedDB transaction.
	const [stored, logged] = await explained(db.bulkDocs([doc, activity]));
	if (!stored || 'error' in stored) {
		// Only an id already taken can refuse a new document: take its activity line back.
		const loggedRev = logged && !('error' in logged) ? logged.rev : undefined;
		if (loggedRev) await db.remove(activity._id, loggedRev).catch(() => {});
		throw Object.assign(new Error(stored?.message ?? `${doc._id} was not stored`), {
			name: stored?.name ?? 'Error',
			status: stored?.status
		});
	}
	return { ...doc, _rev: stored.rev };
}

/**
 * Apply a patch to the latest local revision. A 409 means another tab or the replicator
 * wrote meanwhile: re-read and re-apply, which is safe because patches name fields, not
 * whole documents. `onSaved` hears of the stored revision as soon as it is durable, before
 * the activity entries are written (a live view can show it without waiting for them).
 */
export async function patchDoc<T extends WorkspaceDocBase>(
	db: Db,
	writer: Writer,
	id: string,
	apply: (current: T, ctx: WriteContext) => { doc: T; changes: FieldChange[] },
	target: (doc: T) => Target,
	onSaved?: (doc: T) => void
): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		const current = await db.get<T>(id);
		if (current.clocks) writer.observe(current.clocks);
		const ctx = writer.context();
		const { doc, changes } = apply(current, ctx);
		if (changes.length === 0) return current;
		assertValid(doc);
		try {
			const res = await putOrExplain(db, doc);
			const saved = { ...doc, _rev: res.rev };
			onSaved?.(saved);
			const t = target(saved);
			await appendActivity(
				db,
				changes.map((c) => writer.activity(ctx, 'update', t, c))
			);
			return saved;
		} catch (err) {
			if (errorStatus(err) !== 409 || attempt >= MAX_ATTEMPTS) throw err;
		}
	}
}

export async function appendActivity(db: Db, entries: Activity[]): Promise<void> {
	if (entries.length === 0) return;
	for (const e of entries) assertValid(e);
	await db.bulkDocs(entries);
}

/** `put`, turning a quota failure into a `StorageFullError`. */
export function putOrExplain(db: Db, doc: WorkspaceDocBase): Promise<PouchDB.Core.Response> {
	return explained(db.put(doc));
}
