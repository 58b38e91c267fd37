/**
 * The door's table: every request `/db/*` may make, read top to bottom, with deny at the
 * end. A route names its path shape, who may call it with each method (`anyone`, a
 * `signed-in` user, a workspace member who may `read`, one who may `write`), the query
 * parameters it accepts with their allowed values, and the body it carries. Anything not in
 * the table is refused before it reaches the database: configuration, replication jobs,
 * database creation, `_users`, `_security`, design-document writes and functions, Mango
 * queries and indexes, multipart bodies, continuous feeds, filters other than TaskFlow's.
 *
 * Pure: it sees the method, the decoded path segments and the query; `decide` returns the
 * route with a cleaned query (only the allowed parameters, values clamped) or a refusal.
 */
import { WORKSPACE_ID_PATTERN } from '../../domain/ids';
import { workspaceViews } from '../../../../design-docs/lib/workspace-views.js';
import { workspaceFilters } from '../../../../design-docs/lib/workspace-filters.js';

export type Access = 'anyone' | 'signed-in' | 'read' | 'write';
export type DbKind = 'workspace' | 'user';
export type BodyKind =
	| 'none'
	| 'session'
	| 'doc'
	| 'bulk-docs'
	| 'bulk-get'
	| 'revs-diff'
	| 'keys'
	| 'doc-ids'
	| 'checkpoint';

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
type Param = (value: string, ctx: { db: DbKind | null }) => string | { bad: string };
/** A literal path segment, or `:db`, `:id`, `:local`, `:view`, `:att` (matched by kind). */
type Segment = string;

interface RouteSpec {
	name: string;
	shape: Segment[];
	methods: Partial<Record<Method, Access>>;
	params: Record<string, Param>;
	body?: Partial<Record<Method, BodyKind>>;
	/** A long poll: counted against the feed limits, and given a deadline. */
	feed?: boolean;
}

/** An allowed request, ready to be authorized and forwarded. */
export interface DoorRoute {
	name: string;
	access: Access;
	db: { name: string; kind: DbKind } | null;
	/** The path to ask upstream, re-encoded from the decoded segments. */
	path: string;
	/** The allowed parameters only, with clamped values. */
	query: string;
	body: BodyKind;
	feed: boolean;
	/** The document id of a document, attachment or `_local` route. */
	docId: string | null;
	/** The file name of an attachment route. */
	attachment: string | null;
}

export interface DoorRefusal {
	status: 400 | 403 | 404 | 405;
	error: string;
	reason: string;
	allow?: string;
}

const WORKSPACE_DB = new RegExp(`^tf-ws-${WORKSPACE_ID_PATTERN}$`);
const USER_DB = /^tf-user-(?:[0-9a-f]{2}){1,64}$/;
/**
 * Checkpoint ids: as PouchDB makes them (an MD5 in base64 with `/`→`.` and `+`→`_`, so one
 * may start with `_`), or any plain name; never a reserved `_name` such as `_security`.
 */
const LOCAL_ID = /^(?:[A-Za-z0-9.=-][A-Za-z0-9._=-]{0,127}|[A-Za-z0-9._]{22}==)$/;
/** `_local` ids the server's own workers use: never written through the door. */
const SERVER_LOCAL = /^taskflow/i;
const VIEWS = new Set(Object.keys(workspaceViews));
const FILTERS = Object.keys(workspaceFilters).map((f) => `taskflow/${f}`);

// --- parameter rules -----------------------------------------------------------------

const bool: Param = (v) => (v === 'true' || v === 'false' ? v : { bad: 'must be true or false' });
const int =
	(min: number, max: number): Param =>
	(v) =>
		/^\d{1,12}$/.test(v)
			? String(Math.min(Math.max(Number(v), min), max))
			: { bad: 'must be a whole number' };
const oneOf =
	(...allowed: string[]): Param =>
	(v) =>
		allowed.includes(v) ? v : { bad: `must be one of ${allowed.join(', ')}` };
const json: Param = (v) => {
	if (v.length > 64 * 1024) return { bad: 'is too long' };
	try {
		JSON.parse(v);
		return v;
	} catch {
		return { bad: 'must be JSON' };
	}
};
/** Sequences are opaque (CouchDB's are long strings): printable, bounded. */
const seq: Param = (v) =>
	v.length <= 512 && /^[\x21-\x7e]+$/.test(v) ? v : { bad: 'is not a sequence' };
const rev: Param = (v) => (/^\d{1,9}-[0-9a-f]{1,64}$/.test(v) ? v : { bad: 'is not a revision' });
const revsJson: Param = (v) => {
	if (v === 'all') return v;
	const ok = json(v, { db: null });
	if (typeof ok !== 'string') return ok;
	const list = JSON.parse(v) as unknown;
	return Array.isArray(list) &&
		list.length <= 1000 &&
		list.every((r) => typeof r === 'string' && /^\d+-\w+$/.test(r))
		? v
		: { bad: 'must be "all" or a list of revisions' };
};
const filter: Param = (v, { db }) =>
	v === '_doc_ids' || (db === 'workspace' && FILTERS.includes(v))
		? v
		: { bad: `must be ${db === 'workspace' ? `${FILTERS.join(', ')} or ` : ''}_doc_ids` };

const RANGE = {
	key: json,
	keys: json,
	startkey: json,
	endkey: json,
	start_key: json,
	end_key: json
};
const ALL_DOCS: Record<string, Param> = {
	...RANGE,
	include_docs: bool,
	conflicts: bool,
	descending: bool,
	inclusive_end: bool,
	update_seq: bool,
	attachments: bool,
	att_encoding_info: bool,
	limit: int(0, 100_000),
	skip: int(0, 100_000)
};
const VIEW: Record<string, Param> = {
	...ALL_DOCS,
	reduce: bool,
	group: bool,
	group_level: int(0, 10),
	stale: oneOf('ok', 'update_after'),
	update: oneOf('true', 'false', 'lazy')
};
const CHANGES: Record<string, Param> = {
	since: seq,
	limit: int(1, 10_000),
	feed: oneOf('normal', 'longpoll'),
	// A heartbeat keeps proxies from closing an idle poll; too short a one burns CPU.
	heartbeat: (v) => (v === 'true' ? '30000' : int(5_000, 60_000)(v, { db: null })),
	timeout: int(1_000, 60_000),
	style: oneOf('all_docs', 'main_only'),
	include_docs: bool,
	conflicts: bool,
	attachments: bool,
	att_encoding_info: bool,
	seq_interval: int(1, 10_000),
	filter,
	doc_ids: json
};
const BULK_GET: Record<string, Param> = {
	revs: bool,
	latest: bool,
	attachments: bool,
	att_encoding_info: bool
};
const DOC_READ: Record<string, Param> = {
	rev,
	revs: bool,
	revs_info: bool,
	open_revs: revsJson,
	conflicts: bool,
	deleted_conflicts: bool,
	latest: bool,
	attachments: bool,
	att_encoding_info: bool
};

// --- the table -----------------------------------------------------------------------

const ROUTES: RouteSpec[] = [
	{
		name: 'session',
		shape: ['_session'],
		methods: { GET: 'anyone', HEAD: 'anyone', POST: 'anyone', DELETE: 'anyone' },
		params: {},
		body: { POST: 'session' }
	},
	{ name: 'root', shape: [], methods: { GET: 'signed-in', HEAD: 'signed-in' }, params: {} },
	{ name: 'db', shape: [':db'], methods: { GET: 'read', HEAD: 'read' }, params: {} },
	{
		name: 'all_docs',
		shape: [':db', '_all_docs'],
		methods: { GET: 'read', POST: 'read' },
		params: ALL_DOCS,
		body: { POST: 'keys' }
	},
	{
		name: 'bulk_docs',
		shape: [':db', '_bulk_docs'],
		methods: { POST: 'write' },
		params: {},
		body: { POST: 'bulk-docs' }
	},
	{
		name: 'bulk_get',
		shape: [':db', '_bulk_get'],
		methods: { POST: 'read' },
		params: BULK_GET,
		body: { POST: 'bulk-get' }
	},
	{
		name: 'revs_diff',
		shape: [':db', '_revs_diff'],
		methods: { POST: 'read' },
		params: {},
		body: { POST: 'revs-diff' }
	},
	{
		name: 'changes',
		shape: [':db', '_changes'],
		methods: { GET: 'read', POST: 'read' },
		params: CHANGES,
		body: { POST: 'doc-ids' },
		feed: true
	},
	{
		name: 'local',
		shape: [':db', '_local', ':local'],
		methods: { GET: 'read', PUT: 'write', DELETE: 'write' },
		params: { rev },
		body: { PUT: 'checkpoint' }
	},
	{
		name: 'view',
		shape: [':db', '_design', 'taskflow', '_view', ':view'],
		methods: { GET: 'read', POST: 'read' },
		params: VIEW,
		body: { POST: 'keys' }
	},
	{
		// Readable as in CouchDB, and replicated to devices with the workspace's documents.
		name: 'design_doc',
		shape: [':db', '_design', 'taskflow'],
		methods: { GET: 'read', HEAD: 'read' },
		params: DOC_READ
	},
	{
		name: 'doc',
		shape: [':db', ':id'],
		methods: { GET: 'read', HEAD: 'read', PUT: 'write', DELETE: 'write' },
		params: DOC_READ,
		body: { PUT: 'doc' }
	},
	{
		name: 'attachment',
		shape: [':db', ':id', ':att'],
		methods: { GET: 'read', HEAD: 'read' },
		params: { rev }
	}
];

/** Parameters only a write may carry; every other one is a read's. */
const WRITE_PARAMS = new Set(['rev']);

/** Decides one request: the route it may take, or why not. */
export function decide(
	method: string,
	segments: string[],
	search: string
): DoorRoute | DoorRefusal {
	const m = method.toUpperCase() as Method;
	const parts = joinSpecial(segments);
	for (const spec of ROUTES) {
		const match = matchShape(spec.shape, parts);
		if (!match) continue;
		const access = spec.methods[m];
		if (!access) {
			const allow = Object.keys(spec.methods).join(', ');
			return {
				status: 405,
				error: 'method_not_allowed',
				reason: `${m} is not allowed here (only ${allow})`,
				allow
			};
		}
		if (match.local !== null && SERVER_LOCAL.test(match.local)) {
			return {
				status: 403,
				error: 'forbidden',
				reason: 'this _local document belongs to the server'
			};
		}
		const query = cleanQuery(spec, m, search, match.db?.kind ?? null);
		if (typeof query !== 'string') return query;
		return {
			name: spec.name,
			access,
			db: match.db,
			// Re-encoded segment by segment: `_design/x` and `_local/x` keep a literal slash, so
			// CouchDB never answers with a redirect to its canonical form.
			path: `/${parts.map(encodeURIComponent).join('/')}`,
			query,
			body: spec.body?.[m] ?? 'none',
			feed: spec.feed === true,
			docId: match.local !== null ? `_local/${match.local}` : match.id,
			attachment: match.att
		};
	}
	return {
		status: 404,
		error: 'not_found',
		reason: `${segments.length ? segments.join('/') : '/'} is not available through /db`
	};
}

/** `_design/x` and `_local/x` sent with an encoded slash are the same as with a plain one. */
function joinSpecial(segments: string[]): string[] {
	const out: string[] = [];
	for (const s of segments) {
		const slash = s.indexOf('/');
		if (out.length === 1 && slash !== -1 && (s.startsWith('_design/') || s.startsWith('_local/'))) {
			out.push(s.slice(0, slash), ...s.slice(slash + 1).split('/'));
		} else out.push(s);
	}
	return out;
}

interface Match {
	db: { name: string; kind: DbKind } | null;
	id: string | null;
	local: string | null;
	att: string | null;
}

function matchShape(shape: Segment[], parts: string[]): Match | null {
	const hasRest = shape.at(-1) === ':att';
	if (hasRest ? parts.length < shape.length : parts.length !== shape.length) return null;
	const out: Match = { db: null, id: null, local: null, att: null };
	for (const [i, seg] of shape.entries()) {
		const p = parts[i]!;
		switch (seg) {
			case ':db': {
				const kind = WORKSPACE_DB.test(p) ? 'workspace' : USER_DB.test(p) ? 'user' : null;
				if (!kind) return null;
				out.db = { name: p, kind };
				break;
			}
			case ':id':
				if (!isDocId(p)) return null;
				out.id = p;
				break;
			case ':local':
				if (!LOCAL_ID.test(p)) return null;
				out.local = p;
				break;
			case ':view':
				if (!VIEWS.has(p) || out.db?.kind !== 'workspace') return null;
				break;
			case ':att': {
				const name = parts.slice(i).join('/');
				if (
					!name ||
					name.length > 255 ||
					parts.slice(i).some((x) => x === '' || x.startsWith('_'))
				) {
					return null;
				}
				out.att = name;
				break;
			}
			default:
				if (p !== seg) return null;
		}
	}
	return out;
}

/** A document id the door lets through: not `_…` (design, local, system), printable, bounded. */
const isDocId = (id: string) =>
	id.length > 0 && id.length <= 512 && !id.startsWith('_') && !hasControlChar(id);

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const hasControlChar = (s: string) => /[\u0000-\u001f\u007f]/.test(s);

function cleanQuery(
	spec: RouteSpec,
	m: Method,
	search: string,
	db: DbKind | null
): string | DoorRefusal {
	const params = new URLSearchParams(search);
	const out = new URLSearchParams();
	const seen = new Set<string>();
	for (const [name, value] of params) {
		// PouchDB's cache-busting parameter for old browsers: meaningless upstream.
		if (name === '_nonce') continue;
		const rule = Object.hasOwn(spec.params, name) ? spec.params[name] : undefined;
		const forWrite = WRITE_PARAMS.has(name);
		const fits = rule && (m === 'GET' || m === 'HEAD' || m === 'POST' || forWrite);
		if (!fits) return bad(`query parameter ${name} is not allowed here`);
		if (seen.has(name)) return bad(`query parameter ${name} is given twice`);
		seen.add(name);
		const verdict = rule(value, { db });
		if (typeof verdict !== 'string') return bad(`query parameter ${name} ${verdict.bad}`);
		out.set(name, verdict);
	}
	if (out.has('doc_ids') && out.get('filter') !== '_doc_ids') {
		return bad('doc_ids needs filter=_doc_ids');
	}
	return out.toString();
}

const bad = (reason: string): DoorRefusal => ({ status: 400, error: 'bad_request', reason });
