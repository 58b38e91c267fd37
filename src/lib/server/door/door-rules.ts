/**
 * What the door (`/db/*` → CouchDB) lets through. Browsers speak CouchDB's HTTP API
 * directly, so this is the allow-list of the API surface PouchDB replication and the app
 * need; everything else — server administration, database creation, design-document
 * writes, `_users` writes — is refused here before it reaches the server. Pure: it sees
 * only the method, the path and the query.
 */
import { WORKSPACE_ID_PATTERN } from '../../domain/ids';

/** The door's verdict for one request. */
export type DoorDecision =
	| { allow: true; /** Proxy only if the caller is a server admin. */ adminOnly: boolean }
	| { allow: false; status: 400 | 403; reason: string };

const WORKSPACE_DB = new RegExp(`^tf-ws-${WORKSPACE_ID_PATTERN}$`);
const USER_DB = /^tf-user-(?:[0-9a-f]{2})+$/;
const USER_DOC = /^org\.couchdb\.user:.+$/;

const READ = ['GET', 'HEAD'];
const DOC = ['GET', 'HEAD', 'PUT', 'DELETE'];
const READ_POST = ['GET', 'HEAD', 'POST'];

/** Database-level endpoints and the methods allowed on them. */
const DB_ENDPOINTS: Record<string, string[]> = {
	_all_docs: READ_POST,
	_bulk_docs: ['POST'],
	_bulk_get: ['POST'],
	_revs_diff: ['POST'],
	_changes: READ_POST,
	_find: ['POST'],
	_explain: ['POST'],
	_index: ['GET', 'HEAD', 'POST'],
	_design_docs: READ_POST,
	_security: READ,
	_revs_limit: READ
};

const allow: DoorDecision = { allow: true, adminOnly: false };
const deny = (reason: string): DoorDecision => ({ allow: false, status: 403, reason });
const bad = (reason: string): DoorDecision => ({ allow: false, status: 400, reason });

/**
 * Decides whether a request may pass. `path` is the raw (still percent-encoded) path below
 * `/db`, starting with `/`; `query` is the raw query string without `?`.
 */
export function decideDoor(method: string, path: string, query = ''): DoorDecision {
	const parsed = parsePath(path);
	if (typeof parsed === 'string') return bad(parsed);
	const m = method.toUpperCase();
	if (m === 'COPY') return deny('COPY is not allowed');
	const [first, ...rest] = parsed;
	if (first === undefined) return READ.includes(m) ? allow : deny(`${m} / is not allowed`);
	if (first.startsWith('_')) return decideServer(m, first, rest);
	if (first === '' || rest.includes('')) return bad('empty path segment');

	if (!WORKSPACE_DB.test(first) && !USER_DB.test(first)) {
		return deny(`database ${first} is not reachable`);
	}
	const [part, ...sub] = rest;
	if (part === undefined) {
		return READ.includes(m)
			? allow
			: deny('databases are created and deleted by the server, not through /db');
	}
	if (part === '_design') return decideDesign(m, sub);
	if (part === '_local') {
		return sub.length > 0 ? methodIn(m, DOC, '_local documents') : bad('missing _local doc id');
	}
	if (part === '_changes' && hasSelectorFilter(query)) {
		return deny('filter=_selector is not supported; use the _find endpoint');
	}
	if (part.startsWith('_')) {
		const methods = Object.hasOwn(DB_ENDPOINTS, part) ? DB_ENDPOINTS[part] : undefined;
		if (!methods || sub.length > 0) return deny(`${part} is not available through /db`);
		return methodIn(m, methods, part);
	}
	return methodIn(m, DOC, sub.length > 0 ? 'attachments' : 'documents');
}

/** Top-level `/_x` endpoints and `_users`. */
function decideServer(m: string, first: string, rest: string[]): DoorDecision {
	if (first === '_users') {
		const [id, ...more] = rest;
		if (id !== undefined && USER_DOC.test(id) && more.length === 0 && READ.includes(m)) {
			return allow;
		}
		return deny('_users is managed by the server; only reading your own user document is allowed');
	}
	if (rest.length > 0) return deny(`${first} is not available through /db`);
	if (first === '_session') return methodIn(m, ['GET', 'HEAD', 'POST', 'DELETE'], '_session');
	if (first === '_uuids') return methodIn(m, READ, '_uuids');
	if (first === '_all_dbs') {
		return READ.includes(m) ? { allow: true, adminOnly: true } : deny(`${m} _all_dbs`);
	}
	return deny(`${first} is not available through /db`);
}

/** `_design/<name>[/...]`: reads and views only; design documents are deployed by the server. */
function decideDesign(m: string, sub: string[]): DoorDecision {
	const [name, handler, ...more] = sub;
	if (!name) return bad('missing design document name');
	if (handler === undefined || handler === '_info' || !handler.startsWith('_')) {
		if (handler === '_info' && more.length > 0) return deny('unknown design endpoint');
		return READ.includes(m) ? allow : deny('design documents are deployed by the server');
	}
	if (handler === '_view') {
		return more.length === 1 ? methodIn(m, READ_POST, 'views') : bad('malformed view path');
	}
	return deny(`${handler} handlers are not available through /db`);
}

function methodIn(m: string, methods: string[], what: string): DoorDecision {
	return methods.includes(m) ? allow : deny(`${m} is not allowed on ${what}`);
}

function hasSelectorFilter(query: string): boolean {
	return new URLSearchParams(query).getAll('filter').some((f) => f.trim() === '_selector');
}

/**
 * Splits and decodes the path. CouchDB decodes `%5F` and `%2F` (`_design%2Fx` is
 * `_design/x`), so deciding on anything but the decoded form would let encoded names
 * slip past. Returns the segments (one trailing slash dropped) or why the path is bad.
 */
function parsePath(path: string): string[] | string {
	if (!path.startsWith('/')) return 'path must start with /';
	let decoded: string;
	try {
		decoded = decodeURIComponent(path);
	} catch {
		return 'malformed percent-encoding';
	}
	if (/[\\\0]/.test(decoded)) return 'illegal character in path';
	if (decoded.includes('//')) return 'empty path segment';
	const segments = decoded.slice(1).split('/');
	if (segments.some((s) => s === '.' || s === '..')) return 'dot segments are not allowed';
	if (segments.length > 1 && segments.at(-1) === '') segments.pop();
	return segments[0] === '' && segments.length === 1 ? [] : segments;
}
