/**
 * Every document write of the embedded server (`PUT`, `DELETE`, `_bulk_docs`) takes this
 * path: shape and id rules, attachment sizes measured from the data itself, the database's
 * trusted validator with the same `oldDoc` CouchDB would pass, then one `bulkDocs`.
 *
 * `oldDoc` as CouchDB computes it: for a normal edit, the revision being replaced; for a
 * replicated revision (`new_edits: false`), the nearest ancestor in its `_revisions` that is
 * stored; a revision already stored is not validated again (it is a no-op).
 */
import { randomUUID } from 'node:crypto';
import { badRequest, CouchError, isObject } from './http-kit';
import type { UserCtx } from './sessions';
import { validatorFor } from './trusted-code';

/** The slice of a PouchDB database writes use. */
export interface WritableDb {
	get(id: string, opts?: object): Promise<unknown>;
	revsDiff(diff: Record<string, string[]>): Promise<Record<string, { missing?: string[] }>>;
	bulkDocs(docs: object[], opts: { new_edits: boolean }): Promise<unknown[]>;
}

export interface WriteTarget {
	name: string;
	db: WritableDb;
	ctx: UserCtx;
	/** The database's security object (the validator's fourth argument). */
	sec: Record<string, unknown>;
	/** Prepares `_users` documents (hashes passwords); set for `_users` only. */
	prepareUser?: (doc: Record<string, unknown>) => Promise<Record<string, unknown>>;
}

/** One row of a bulk answer, in CouchDB's shape. */
export type WriteRow =
	| { ok: true; id: string; rev: string }
	| { id: string; error: string; reason: string; status: number };

const isServerAdmin = (ctx: UserCtx) => ctx.roles.includes('_admin');

/** Writes `input` (each a document) and answers one row per document, in order. */
export async function writeDocs(
	target: WriteTarget,
	input: unknown[],
	newEdits: boolean
): Promise<WriteRow[]> {
	const rows: (WriteRow | null)[] = new Array<WriteRow | null>(input.length).fill(null);
	const ready: { index: number; doc: Record<string, unknown> }[] = [];
	for (const [index, raw] of input.entries()) {
		try {
			ready.push({ index, doc: await prepare(target, raw, newEdits) });
		} catch (err) {
			rows[index] = errorRow(raw, err);
		}
	}
	const validate = validatorFor(target.name);
	if (validate && ready.length) {
		const olds = await oldDocs(
			target.db,
			ready.map((r) => r.doc),
			newEdits
		);
		const userCtx = { ...target.ctx, db: target.name };
		for (let i = ready.length - 1; i >= 0; i--) {
			const old = olds[i];
			if (old === SKIP) continue;
			try {
				validate(ready[i]!.doc, old, userCtx, structuredClone(target.sec));
			} catch (thrown) {
				rows[ready[i]!.index] = refusal(ready[i]!.doc._id as string, thrown);
				ready.splice(i, 1);
			}
		}
	}
	if (ready.length) {
		const docs = ready.map((r) => r.doc);
		const results = (await target.db.bulkDocs(docs, { new_edits: newEdits })) as BulkResult[];
		if (newEdits) {
			results.forEach((res, i) => (rows[ready[i]!.index] = rowOf(ready[i]!.doc, res)));
		} else {
			// As CouchDB does, PouchDB answers replicated writes with their errors only.
			const failed = new Map(results.filter((r) => r.id).map((r) => [r.id!, r]));
			for (const { index, doc } of ready) {
				rows[index] = rowOf(doc, failed.get(doc._id as string) ?? {});
			}
		}
	}
	return rows.map((row, i) => row ?? errorRow(input[i], new Error('not written')));
}

interface BulkResult {
	ok?: boolean;
	id?: string;
	rev?: string;
	error?: unknown;
	name?: string;
	message?: string;
	status?: number;
}

function rowOf(doc: Record<string, unknown>, r: BulkResult): WriteRow {
	if (r.error || r.status) {
		const reason = String(r.message ?? 'the write failed');
		return {
			id: String(doc._id),
			error: String(r.name ?? 'error'),
			reason,
			status: r.status ?? 500
		};
	}
	return { ok: true, id: String(r.id ?? doc._id), rev: String(r.rev ?? doc._rev) };
}

/** Shape and id rules; returns the document to store. */
async function prepare(
	target: WriteTarget,
	raw: unknown,
	newEdits: boolean
): Promise<Record<string, unknown>> {
	if (!isObject(raw)) throw badRequest('Document must be a JSON object');
	const doc: Record<string, unknown> = { ...raw };
	if (doc._id === undefined && newEdits) doc._id = randomUUID().replaceAll('-', '');
	if (typeof doc._id !== 'string' || doc._id === '') {
		throw new CouchError(400, 'illegal_docid', 'Document id must be a string');
	}
	const id = doc._id;
	if (id.startsWith('_local/')) throw badRequest('_local documents are written one at a time');
	if (id.startsWith('_design/')) {
		if (!isServerAdmin(target.ctx)) {
			throw new CouchError(403, 'forbidden', 'design documents are deployed by the server');
		}
	} else if (id.startsWith('_')) {
		throw new CouchError(
			400,
			'illegal_docid',
			'Only reserved document ids may start with underscore.'
		);
	}
	if (!newEdits && typeof doc._rev !== 'string') {
		throw badRequest('a replicated document needs _rev');
	}
	if (doc._attachments !== undefined) {
		doc._attachments = measuredAttachments(doc._attachments, doc._deleted === true);
	}
	if (target.prepareUser) return target.prepareUser(doc);
	return doc;
}

/**
 * Attachments as they will be stored, each inline one with its `length` measured from its
 * data (a declared length is never believed). Multipart (`follows`) is not accepted.
 */
function measuredAttachments(atts: unknown, deleting: boolean): Record<string, unknown> {
	if (!isObject(atts)) throw badRequest('_attachments must be an object');
	if (deleting && Object.keys(atts).length) throw badRequest('a deletion carries no attachments');
	const out: Record<string, unknown> = {};
	for (const [name, att] of Object.entries(atts)) {
		if (!isObject(att)) throw badRequest(`attachment ${name} is not an object`);
		if (att.follows) throw badRequest('multipart attachments are not accepted');
		if (att.stub === true) {
			out[name] = att;
			continue;
		}
		if (typeof att.data !== 'string' || !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(att.data)) {
			throw badRequest(`attachment ${name} needs base64 data`);
		}
		if (att.content_type !== undefined && typeof att.content_type !== 'string') {
			throw badRequest(`attachment ${name}: content_type must be a string`);
		}
		const { length: _declared, ...rest } = att;
		out[name] = { ...rest, length: Buffer.from(att.data, 'base64').byteLength };
	}
	return out;
}

const SKIP = Symbol('already stored');

/** The `oldDoc` for each document (null when none), or SKIP for revisions already stored. */
async function oldDocs(
	db: WritableDb,
	docs: Record<string, unknown>[],
	newEdits: boolean
): Promise<unknown[]> {
	if (newEdits) {
		return Promise.all(
			docs.map((d) => db.get(d._id as string, d._rev ? { rev: d._rev } : {}).catch(() => null))
		);
	}
	const diff: Record<string, string[]> = {};
	for (const d of docs) (diff[d._id as string] ??= []).push(d._rev as string);
	const missing = await db.revsDiff(diff);
	return Promise.all(
		docs.map(async (d) => {
			const id = d._id as string;
			if (!missing[id]?.missing?.includes(d._rev as string)) return SKIP;
			const ancestors = ancestorsOf(d);
			if (!ancestors.length) return null;
			const found = (await db.get(id, { open_revs: ancestors }).catch(() => [])) as {
				ok?: unknown;
			}[];
			// Nearest first: `ancestors` runs from the parent back to the root.
			for (const rev of ancestors) {
				const hit = found.find((f) => (f.ok as { _rev?: string } | undefined)?._rev === rev);
				if (hit) return hit.ok;
			}
			return null;
		})
	);
}

/** `start-id` of every ancestor in a document's `_revisions`, parent first. */
function ancestorsOf(doc: Record<string, unknown>): string[] {
	const revs = doc._revisions as { start?: unknown; ids?: unknown } | undefined;
	if (!revs || typeof revs.start !== 'number' || !Array.isArray(revs.ids)) return [];
	const ids = revs.ids.slice(1, 1001).filter((x): x is string => typeof x === 'string');
	return ids.map((id, i) => `${(revs.start as number) - 1 - i}-${id}`);
}

/** A validator's refusal as a row: `{forbidden}` is 403, `{unauthorized}` 401. */
function refusal(id: string, thrown: unknown): WriteRow {
	const t = thrown as { forbidden?: unknown; unauthorized?: unknown } | null;
	if (t && typeof t.forbidden === 'string') {
		return { id, error: 'forbidden', reason: t.forbidden, status: 403 };
	}
	if (t && typeof t.unauthorized === 'string') {
		return { id, error: 'unauthorized', reason: t.unauthorized, status: 401 };
	}
	return { id, error: 'forbidden', reason: 'the document was refused by validation', status: 403 };
}

function errorRow(raw: unknown, err: unknown): WriteRow {
	const id = isObject(raw) && typeof raw._id === 'string' ? raw._id : '';
	if (err instanceof CouchError) {
		return { id, error: err.error, reason: err.message, status: err.status };
	}
	return { id, error: 'internal_server_error', reason: 'the write failed', status: 500 };
}
