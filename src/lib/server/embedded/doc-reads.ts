/**
 * Reads of the embedded server: documents (with revisions, conflicts, `open_revs`),
 * attachments (served as downloads, images excepted), `_local` documents, `_all_docs`,
 * `_bulk_get`, `_revs_diff`, views and (for the server admin) Mango queries.
 */
import type { ServerResponse } from 'node:http';
import { attachmentHeaders } from '../attachment-headers';
import { badRequest, isObject, notFound, Query, sendJson } from './http-kit';

/** The slice of a PouchDB database reads use. */
export interface ReadableDb {
	get(id: string, opts?: object): Promise<unknown>;
	getAttachment(id: string, name: string, opts?: object): Promise<unknown>;
	allDocs(opts: object): Promise<unknown>;
	bulkGet(opts: object): Promise<unknown>;
	revsDiff(diff: object): Promise<unknown>;
	query(fun: string, opts: object): Promise<unknown>;
	find?(request: object): Promise<unknown>;
}

/** Options of a document GET. */
export function docGetOptions(q: Query): Record<string, unknown> {
	const opts: Record<string, unknown> = {};
	for (const name of [
		'revs',
		'revs_info',
		'conflicts',
		'deleted_conflicts',
		'attachments',
		'latest'
	]) {
		const v = q.bool(name);
		if (v !== undefined) opts[name] = v;
	}
	const rev = q.string('rev');
	if (rev !== undefined) opts.rev = rev;
	if (q.has('open_revs')) {
		const raw = q.string('open_revs');
		const revs = raw === 'all' ? 'all' : q.json('open_revs');
		if (revs !== 'all' && !(Array.isArray(revs) && revs.every((r) => typeof r === 'string'))) {
			throw badRequest('open_revs must be "all" or an array of revisions');
		}
		opts.open_revs = revs;
	}
	return opts;
}

/** Streams an attachment with headers that keep it from running as part of the app. */
export async function sendAttachment(
	db: ReadableDb,
	res: ServerResponse,
	id: string,
	name: string,
	q: Query
): Promise<void> {
	const rev = q.string('rev');
	const doc = (await db.get(id, rev ? { rev } : {})) as {
		_attachments?: Record<string, { content_type?: string; digest?: string }>;
	};
	const meta = doc._attachments?.[name];
	if (!meta) throw notFound('Document is missing attachment');
	const data = (await db.getAttachment(id, name, rev ? { rev } : {})) as Buffer;
	res.writeHead(200, {
		...attachmentHeaders(meta.content_type ?? 'application/octet-stream', name),
		'content-length': data.byteLength,
		...(meta.digest ? { etag: JSON.stringify(meta.digest) } : {})
	});
	res.end(data);
}

/** `_bulk_get`: `{docs: [{id, rev?, atts_since?}]}`. */
export async function bulkGet(db: ReadableDb, q: Query, body: unknown): Promise<unknown> {
	if (!isObject(body) || !Array.isArray(body.docs)) throw badRequest('Missing JSON list of "docs"');
	if (body.docs.length > 10_000) throw badRequest('at most 10,000 docs per request');
	const docs = body.docs.map((d) => {
		if (!isObject(d) || typeof d.id !== 'string') throw badRequest('each doc needs an id');
		if (d.rev !== undefined && typeof d.rev !== 'string') throw badRequest('rev must be a string');
		return d.rev === undefined ? { id: d.id } : { id: d.id, rev: d.rev };
	});
	return db.bulkGet({
		docs,
		revs: q.bool('revs') ?? false,
		latest: q.bool('latest') ?? false,
		attachments: q.bool('attachments') ?? false,
		binary: false
	});
}

/** `_revs_diff`: `{id: [rev, …]}`. */
export async function revsDiff(db: ReadableDb, body: unknown): Promise<unknown> {
	if (!isObject(body)) throw badRequest('Request body must be a JSON object');
	for (const revs of Object.values(body)) {
		if (!Array.isArray(revs) || !revs.every((r) => typeof r === 'string')) {
			throw badRequest('each id must map to a list of revisions');
		}
	}
	return db.revsDiff(body);
}

/** Mango query for the server admin, without the operators that can freeze a server. */
export async function find(db: ReadableDb, body: unknown): Promise<unknown> {
	if (!isObject(body) || !isObject(body.selector)) throw badRequest('selector must be an object');
	const banned = bannedOperator(body.selector, 0);
	if (banned) throw badRequest(`${banned} is not supported`);
	if (!db.find) throw notFound('_find is not available');
	return db.find(body);
}

function bannedOperator(v: unknown, depth: number): string | null {
	if (depth > 32) return 'a selector nested this deep';
	if (Array.isArray(v)) {
		for (const x of v) {
			const hit = bannedOperator(x, depth + 1);
			if (hit) return hit;
		}
		return null;
	}
	if (!isObject(v)) return null;
	for (const [k, x] of Object.entries(v)) {
		if (k === '$regex' || k === '$where') return k;
		const hit = bannedOperator(x, depth + 1);
		if (hit) return hit;
	}
	return null;
}

export { sendJson };
