/**
 * Every route of the embedded server, read top to bottom; anything else is a 404. Each
 * route says who may call it: `anyone`, a signed-in `user`, the server `admin`, or a
 * `reader` of the database (its security object admits them). There is no route for
 * configuration, replication jobs, design-document functions (`_show`, `_list`,
 * `_update`, `_rewrite`), temporary views or multipart bodies, and none is needed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { handleChanges, type ChangesDb } from './changes-feed';
import type { DbCatalog } from './db-catalog';
import {
	canRead,
	isServerAdmin,
	readSecurity,
	SECURITY_DOC,
	writeSecurity,
	type SecurityObject
} from './db-security';
import {
	bulkGet,
	docGetOptions,
	find,
	revsDiff,
	sendAttachment,
	type ReadableDb
} from './doc-reads';
import { writeDocs, type WritableDb, type WriteRow } from './doc-writes';
import {
	badRequest,
	CouchError,
	forbidden,
	isObject,
	notFound,
	Query,
	readBody,
	readJson,
	readObject,
	sendJson,
	unauthorized
} from './http-kit';
import { allDocsOptions, viewOptions } from './query-options';
import type { Sessions, UserCtx } from './sessions';
import { prepareUserDoc } from './user-docs';

/** A PouchDB database as the routes use it. */
export type RouteDb = ReadableDb &
	WritableDb &
	ChangesDb & {
		info(): Promise<{ doc_count: number; update_seq: unknown }>;
		put(doc: object): Promise<{ id: string; rev: string }>;
		remove(id: string, rev: string): Promise<unknown>;
		compact(): Promise<unknown>;
		viewCleanup(): Promise<unknown>;
		getIndexes?(): Promise<unknown>;
		createIndex?(index: object): Promise<unknown>;
		destroy(): Promise<unknown>;
	};

export interface RouteDeps {
	catalog: DbCatalog<RouteDb>;
	sessions: Sessions;
	iterations: number;
	/** A write to database `name` happened (view warming). */
	onWrite(name: string, db: RouteDb): void;
	/** Bytes database `name` takes on disk. */
	sizeOf(name: string): Promise<number>;
}

export interface Call {
	req: IncomingMessage;
	res: ServerResponse;
	ctx: UserCtx;
	q: Query;
	/** Path segments after the database name, decoded. */
	rest: string[];
	dbName: string;
}

const JSON_LIMIT = 64 * 1024 * 1024;
const LOCAL_LIMIT = 64 * 1024;
const SESSION_LIMIT = 4 * 1024;
const SERVER_RESERVED_LOCAL = /^taskflow-/;

/** Answers a request whose path is split into decoded `segments`. */
export async function route(
	deps: RouteDeps,
	req: IncomingMessage,
	res: ServerResponse,
	ctx: UserCtx,
	segments: string[],
	q: Query
): Promise<void> {
	const m = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
	const [first, ...rest] = segments;
	if (first === undefined) {
		return only(m, ['GET'], () =>
			sendJson(res, 200, { couchdb: 'Welcome', vendor: { name: 'TaskFlow embedded server' } })
		);
	}
	if (first === '_up') return only(m, ['GET'], () => sendJson(res, 200, { status: 'ok' }));
	if (first === '_session') return session(deps, req, res, ctx, m);
	if (first === '_uuids') {
		requireUser(ctx);
		const count = Math.min(q.int('count') ?? 1, 1000);
		return only(m, ['GET'], () =>
			sendJson(res, 200, {
				uuids: Array.from({ length: count }, () => randomUUID().replaceAll('-', ''))
			})
		);
	}
	if (first === '_all_dbs') {
		requireAdmin(ctx);
		return only(m, ['GET'], async () => sendJson(res, 200, await deps.catalog.list()));
	}
	if (first.startsWith('_') && !['_users', '_replicator', '_global_changes'].includes(first)) {
		throw notFound(`${first} is not available on this server`);
	}
	return database(deps, { req, res, ctx, q, rest: normalise(rest), dbName: first }, m);
}

/** `_design/x` and `_local/x` arrive as one segment when the slash was encoded. */
function normalise(rest: string[]): string[] {
	const [head, ...tail] = rest;
	if (head && (head.startsWith('_design/') || head.startsWith('_local/'))) {
		const slash = head.indexOf('/');
		return [head.slice(0, slash), head.slice(slash + 1), ...tail];
	}
	return rest;
}

async function session(
	deps: RouteDeps,
	req: IncomingMessage,
	res: ServerResponse,
	ctx: UserCtx,
	m: string
) {
	if (m === 'GET') {
		const handlers = ['cookie', 'default'];
		return sendJson(res, 200, {
			ok: true,
			userCtx: ctx,
			info: { authentication_handlers: handlers }
		});
	}
	if (m === 'DELETE') {
		return sendJson(res, 200, { ok: true }, { 'set-cookie': deps.sessions.clearCookie() });
	}
	if (m !== 'POST') throw new CouchError(405, 'method_not_allowed', 'Only GET,POST,DELETE allowed');
	const type = String(req.headers['content-type'] ?? '');
	const raw = (await readBody(req, SESSION_LIMIT)).toString('utf8');
	let name: unknown;
	let password: unknown;
	if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
		const form = new URLSearchParams(raw);
		[name, password] = [form.get('name'), form.get('password')];
	} else if (/^application\/json\b/i.test(type)) {
		let body: unknown;
		try {
			body = JSON.parse(raw);
		} catch {
			throw badRequest('invalid UTF-8 JSON');
		}
		if (!isObject(body)) throw badRequest('Request body must be a JSON object');
		[name, password] = [body.name, body.password];
	} else {
		throw new CouchError(415, 'bad_content_type', 'Content-Type must be application/json');
	}
	if (typeof name !== 'string' || typeof password !== 'string' || !name || !password) {
		throw badRequest('name and password must be strings');
	}
	const signedIn = await deps.sessions.signIn(name, password);
	if (!signedIn) throw unauthorized('Name or password is incorrect.');
	sendJson(res, 200, { ok: true, ...signedIn.ctx }, { 'set-cookie': signedIn.setCookie });
}

async function database(deps: RouteDeps, c: Call, m: string): Promise<void> {
	const { ctx, rest } = c;
	if (rest.length === 0) return dbRoot(deps, c, m);
	const db = await deps.catalog.get(c.dbName);
	const sec = await readSecurity(db);
	// `_users` and every other database of the server's own are for the server admin only.
	const adminOnly = c.dbName === '_users' || c.dbName.startsWith('_');
	if (adminOnly ? !isServerAdmin(ctx) : !canRead(ctx, sec)) denied(ctx);
	const [part, ...sub] = rest as [string, ...string[]];
	switch (part) {
		case '_all_docs':
			return only(m, ['GET', 'POST'], async () => {
				const body = m === 'POST' ? await readJson(c.req, JSON_LIMIT) : undefined;
				sendJson(c.res, 200, await db.allDocs(allDocsOptions(c.q, body)));
			});
		case '_bulk_docs':
			return only(m, ['POST'], async () => {
				const body = await readObject(c.req, JSON_LIMIT);
				if (!Array.isArray(body.docs)) throw badRequest("Missing JSON list of 'docs'");
				const newEdits = body.new_edits !== false;
				const rows = await write(deps, c, db, sec, body.docs, newEdits);
				sendJson(
					c.res,
					201,
					newEdits ? rows.map(publicRow) : rows.filter((r) => 'error' in r).map(publicRow)
				);
			});
		case '_bulk_get':
			return only(m, ['POST'], async () =>
				sendJson(c.res, 200, await bulkGet(db, c.q, await readJson(c.req, JSON_LIMIT)))
			);
		case '_revs_diff':
			return only(m, ['POST'], async () =>
				sendJson(c.res, 200, await revsDiff(db, await readJson(c.req, JSON_LIMIT)))
			);
		case '_changes':
			return only(m, ['GET', 'POST'], () => handleChanges(db, c.req, c.res, c.q));
		case '_security':
			if (m === 'GET') return sendJson(c.res, 200, sec);
			requireAdmin(ctx);
			return only(m, ['PUT'], async () => {
				await writeSecurity(db, await readJson(c.req, LOCAL_LIMIT));
				sendJson(c.res, 200, { ok: true });
			});
		case '_revs_limit':
			return only(m, ['GET'], () => sendJson(c.res, 200, 1000));
		case '_compact':
		case '_view_cleanup':
			requireAdmin(ctx);
			return only(m, ['POST'], async () => {
				await (part === '_compact' ? db.compact() : db.viewCleanup());
				sendJson(c.res, 202, { ok: true });
			});
		case '_find':
			requireAdmin(ctx);
			return only(m, ['POST'], async () =>
				sendJson(c.res, 200, await find(db, await readJson(c.req, LOCAL_LIMIT)))
			);
		case '_index':
			requireAdmin(ctx);
			if (m === 'GET') return sendJson(c.res, 200, await db.getIndexes?.());
			return only(m, ['POST'], async () =>
				sendJson(c.res, 200, await db.createIndex?.(await readObject(c.req, LOCAL_LIMIT)))
			);
		case '_local':
			return local(c, db, sub, m);
		case '_design':
			return design(deps, c, db, sec, sub, m);
	}
	if (part.startsWith('_')) throw notFound(`${part} is not available on this server`);
	if (sub.length > 0) {
		return only(m, ['GET'], () => sendAttachment(db, c.res, part, sub.join('/'), c.q));
	}
	return document(deps, c, db, sec, part, m);
}

async function dbRoot(deps: RouteDeps, c: Call, m: string): Promise<void> {
	if (m === 'PUT' || m === 'DELETE') {
		requireAdmin(c.ctx);
		if (m === 'PUT') await deps.catalog.create(c.dbName);
		else await deps.catalog.destroy(c.dbName);
		return sendJson(c.res, m === 'PUT' ? 201 : 200, { ok: true });
	}
	const db = await deps.catalog.get(c.dbName);
	const sec = await readSecurity(db);
	const adminOnly = c.dbName.startsWith('_');
	if (adminOnly ? !isServerAdmin(c.ctx) : !canRead(c.ctx, sec)) denied(c.ctx);
	if (m === 'POST') {
		// A new document whose id is in the body (or made here), as CouchDB's POST /{db}.
		const body = await readObject(c.req, JSON_LIMIT);
		return answerOne(c.res, (await write(deps, c, db, sec, [body], true))[0]!);
	}
	return only(m, ['GET'], async () => {
		const [info, file] = await Promise.all([db.info(), deps.sizeOf(c.dbName)]);
		sendJson(c.res, 200, {
			db_name: c.dbName,
			doc_count: info.doc_count,
			doc_del_count: 0,
			update_seq: info.update_seq,
			sizes: { file, active: file, external: file },
			purge_seq: 0,
			compact_running: false,
			instance_start_time: '0'
		});
	});
}

async function document(
	deps: RouteDeps,
	c: Call,
	db: RouteDb,
	sec: SecurityObject,
	id: string,
	m: string
) {
	if (m === 'GET') {
		const opts = docGetOptions(c.q);
		return sendJson(c.res, 200, await db.get(id, opts));
	}
	if (m === 'PUT') {
		const body = await readObject(c.req, JSON_LIMIT);
		if (body._id !== undefined && body._id !== id) {
			throw badRequest('the document id in the body differs from the URL');
		}
		const rev = c.q.string('rev');
		const doc = { ...body, _id: id, ...(rev && !body._rev ? { _rev: rev } : {}) };
		return answerOne(c.res, (await write(deps, c, db, sec, [doc], true))[0]!);
	}
	if (m === 'DELETE') {
		const rev = c.q.string('rev');
		if (!rev) throw new CouchError(409, 'conflict', 'Document update conflict.');
		const row = (await write(deps, c, db, sec, [{ _id: id, _rev: rev, _deleted: true }], true))[0]!;
		return answerOne(c.res, row, 200);
	}
	throw new CouchError(405, 'method_not_allowed', 'Only GET,PUT,DELETE allowed');
}

async function design(
	deps: RouteDeps,
	c: Call,
	db: RouteDb,
	sec: SecurityObject,
	sub: string[],
	m: string
) {
	const [name, handler, view, ...more] = sub;
	if (!name) throw badRequest('missing design document name');
	const id = `_design/${name}`;
	if (handler === undefined) {
		if (m !== 'GET') requireAdmin(c.ctx);
		return document(deps, c, db, sec, id, m);
	}
	if (handler === '_view' && view && more.length === 0) {
		return only(m, ['GET', 'POST'], async () => {
			const body = m === 'POST' ? await readJson(c.req, JSON_LIMIT) : undefined;
			sendJson(c.res, 200, await db.query(`${name}/${view}`, viewOptions(c.q, body)));
		});
	}
	throw notFound(`${handler} is not available on this server`);
}

async function local(c: Call, db: RouteDb, sub: string[], m: string) {
	const name = sub.join('/');
	if (!name) throw badRequest('missing _local document id');
	const id = `_local/${name}`;
	if (id === SECURITY_DOC) throw forbidden('this document is reserved');
	if (SERVER_RESERVED_LOCAL.test(name)) requireAdmin(c.ctx);
	if (m === 'GET') return sendJson(c.res, 200, await db.get(id));
	if (m === 'PUT') {
		const body = await readObject(c.req, LOCAL_LIMIT);
		if (body._id !== undefined && body._id !== id) {
			throw badRequest('the document id in the body differs from the URL');
		}
		const out = await db.put({ ...body, _id: id });
		return sendJson(c.res, 201, { ok: true, id, rev: out.rev });
	}
	if (m === 'DELETE') {
		const rev = c.q.string('rev');
		if (!rev) throw new CouchError(409, 'conflict', 'Document update conflict.');
		await db.remove(id, rev);
		return sendJson(c.res, 200, { ok: true, id, rev: '0-0' });
	}
	throw new CouchError(405, 'method_not_allowed', 'Only GET,PUT,DELETE allowed');
}

async function write(
	deps: RouteDeps,
	c: Call,
	db: RouteDb,
	sec: SecurityObject,
	docs: unknown[],
	newEdits: boolean
): Promise<WriteRow[]> {
	const rows = await writeDocs(
		{
			name: c.dbName,
			db,
			ctx: c.ctx,
			sec,
			prepareUser: c.dbName === '_users' ? (doc) => prepareUserDoc(doc, deps.iterations) : undefined
		},
		docs,
		newEdits
	);
	if (rows.some((r) => 'ok' in r)) deps.onWrite(c.dbName, db);
	return rows;
}

const publicRow = (r: WriteRow) => ('ok' in r ? r : { id: r.id, error: r.error, reason: r.reason });

function answerOne(res: ServerResponse, row: WriteRow, okStatus = 201) {
	if ('ok' in row) return sendJson(res, okStatus, row);
	sendJson(res, row.status, { error: row.error, reason: row.reason });
}

async function only(m: string, methods: string[], run: () => unknown): Promise<void> {
	if (!methods.includes(m)) {
		throw new CouchError(405, 'method_not_allowed', `Only ${methods.join(',')} allowed`);
	}
	await run();
}

function requireUser(ctx: UserCtx) {
	if (ctx.name === null) throw unauthorized('You are not authorized to access this resource.');
}

function requireAdmin(ctx: UserCtx) {
	if (!isServerAdmin(ctx)) {
		if (ctx.name === null) throw unauthorized('You are not a server admin.');
		throw forbidden('You are not a server admin.');
	}
}

function denied(ctx: UserCtx): never {
	if (ctx.name === null) throw unauthorized('You are not authorized to access this db.');
	throw forbidden('You are not allowed to access this db.');
}
