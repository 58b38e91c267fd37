/**
 * `_changes` of the embedded server: `normal`, `longpoll` and `continuous` feeds over
 * PouchDB's changes, with CouchDB's `heartbeat` and `timeout` (both honoured, and bounded),
 * and filters limited to `_doc_ids` and TaskFlow's own (trusted-code.ts). A feed ends when
 * its client goes away, when its timeout passes, or when the server stops; live feeds at
 * once are capped so that abandoned ones cannot pile up.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, CouchError, isObject, notFound, Query, readJson } from './http-kit';
import { filterFor } from './trusted-code';

/** What a changes request needs of a PouchDB database. */
export interface ChangesDb {
	name: string;
	changes(opts: object): ChangesFeed & PromiseLike<{ results: Change[]; last_seq: unknown }>;
}

interface ChangesFeed {
	on(event: 'change', fn: (c: Change) => void): ChangesFeed;
	on(event: 'error', fn: (e: unknown) => void): ChangesFeed;
	on(event: 'complete', fn: () => void): ChangesFeed;
	cancel(): void;
}

interface Change {
	seq: unknown;
	id: string;
	changes: { rev: string }[];
	[k: string]: unknown;
}

/** Bounds: CouchDB's own default timeout is 60 s; heartbeats between 1 s and a minute. */
export const FEED_LIMITS = { maxTimeoutMs: 60_000, minHeartbeatMs: 1_000, maxLive: 2_000 };

let live = 0;
/** Live feeds open now (for the cap and for tests). */
export const liveFeeds = () => live;

/** Answers one `_changes` request. */
export async function handleChanges(
	db: ChangesDb,
	req: IncomingMessage,
	res: ServerResponse,
	q: Query
): Promise<void> {
	const body = req.method === 'POST' ? await readJson(req, 1024 * 1024) : undefined;
	const opts = changesOptions(db.name, q, body);
	const feed = q.string('feed') ?? 'normal';
	if (!['normal', 'longpoll', 'continuous'].includes(feed)) {
		throw badRequest(`feed=${feed} is not supported`);
	}
	const first = await db.changes(opts);
	if (feed === 'normal' || (feed === 'longpoll' && first.results.length > 0)) {
		return sendResults(res, first.results, first.last_seq);
	}
	if (live >= FEED_LIMITS.maxLive) {
		throw new CouchError(503, 'service_unavailable', 'too many open feeds; try again shortly');
	}
	const timeout = Math.min(q.int('timeout') ?? FEED_LIMITS.maxTimeoutMs, FEED_LIMITS.maxTimeoutMs);
	const heartbeatParam = q.has('heartbeat') ? q.string('heartbeat') : undefined;
	const heartbeat =
		heartbeatParam === undefined
			? null
			: Math.max(
					heartbeatParam === 'true' ? 60_000 : (q.int('heartbeat') ?? 60_000),
					FEED_LIMITS.minHeartbeatMs
				);
	await follow(db, req, res, { ...opts, since: first.last_seq }, feed, timeout, heartbeat, first);
}

function sendResults(res: ServerResponse, results: Change[], lastSeq: unknown, started = false) {
	const text = JSON.stringify({ results, last_seq: lastSeq, pending: 0 }) + '\n';
	if (!started) {
		res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'must-revalidate' });
	}
	res.end(text);
}

/** Waits for changes (longpoll) or streams them (continuous) until timeout or disconnect. */
function follow(
	db: ChangesDb,
	req: IncomingMessage,
	res: ServerResponse,
	opts: Record<string, unknown>,
	feed: string,
	timeoutMs: number,
	heartbeatMs: number | null,
	first: { results: Change[]; last_seq: unknown }
): Promise<void> {
	live++;
	return new Promise<void>((resolve) => {
		let lastSeq = first.last_seq;
		const batch: Change[] = [];
		let flushTimer: ReturnType<typeof setTimeout> | null = null;
		let done = false;
		res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'must-revalidate' });
		if (feed === 'continuous') for (const c of first.results) res.write(JSON.stringify(c) + '\n');
		const changes = db.changes({ ...opts, live: true, return_docs: false });
		const finish = (write: () => void) => {
			if (done) return;
			done = true;
			live--;
			changes.cancel();
			clearInterval(beat);
			clearTimeout(deadline);
			if (flushTimer) clearTimeout(flushTimer);
			if (!res.destroyed) write();
			resolve();
		};
		const end = () =>
			finish(() => {
				if (feed === 'continuous') {
					res.end(JSON.stringify({ last_seq: lastSeq, pending: 0 }) + '\n');
				} else sendResults(res, batch, lastSeq, true);
			});
		changes.on('change', (c) => {
			lastSeq = c.seq;
			if (feed === 'continuous') {
				res.write(JSON.stringify(c) + '\n');
				return;
			}
			batch.push(c);
			// Let changes written together leave together, then answer the poll.
			flushTimer ??= setTimeout(end, 5);
		});
		changes.on('error', () => finish(() => res.end()));
		const beat = setInterval(() => res.write('\n'), heartbeatMs ?? 2 ** 31 - 1);
		if (heartbeatMs === null) clearInterval(beat);
		const deadline = setTimeout(end, timeoutMs);
		req.on('close', () => finish(() => undefined));
		res.on('close', () => finish(() => undefined));
	});
}

/** PouchDB options for the request's filter, `since`, `limit` and what to include. */
function changesOptions(dbName: string, q: Query, body: unknown): Record<string, unknown> {
	const opts: Record<string, unknown> = {
		style: q.string('style') === 'all_docs' ? 'all_docs' : 'main_only',
		include_docs: q.bool('include_docs') ?? false,
		conflicts: q.bool('conflicts') ?? false,
		attachments: q.bool('attachments') ?? false,
		descending: q.bool('descending') ?? false,
		return_docs: true
	};
	const since = q.string('since');
	if (since !== undefined && since !== 'now' && since !== '0') {
		if (!/^\d{1,15}$/.test(since)) throw badRequest('since must be a sequence number or now');
	}
	opts.since = since === undefined ? 0 : since === 'now' ? 'now' : Number(since);
	const limit = q.int('limit');
	if (limit !== undefined) opts.limit = Math.max(limit, 1);
	const filter = q.string('filter');
	if (filter === '_doc_ids') {
		const ids = isObject(body) ? body.doc_ids : q.json('doc_ids');
		if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) {
			throw badRequest('filter=_doc_ids needs doc_ids, an array of strings');
		}
		opts.doc_ids = ids;
	} else if (filter !== undefined) {
		const fn = filterFor(dbName, filter);
		if (!fn) throw notFound(`no filter ${filter} on this database`);
		opts.filter = fn;
	}
	return opts;
}
