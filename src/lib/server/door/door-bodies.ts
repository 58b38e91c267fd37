/**
 * The bodies the door lets through, checked where an id in the body could differ from the
 * URL or name something the table keeps out (`_design/`, `_local/`, `_security`). A body is
 * parsed once and what goes upstream is this parse, re-serialized: a database never sees
 * bytes the door did not read the same way (duplicate keys, odd encodings).
 */
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments';
import type { BodyKind } from './door-routes';

/** Largest JSON body per kind (a batch of replicated documents may carry files). */
export const BODY_LIMITS: Record<Exclude<BodyKind, 'none'>, number> = {
	session: 4 * 1024,
	doc: 2 * MAX_ATTACHMENT_BYTES,
	'bulk-docs': 32 * 1024 * 1024,
	'bulk-get': 4 * 1024 * 1024,
	'revs-diff': 8 * 1024 * 1024,
	keys: 1024 * 1024,
	'doc-ids': 1024 * 1024,
	checkpoint: 16 * 1024
};

const MAX_DOCS = 10_000;
/** The one design document devices receive with a workspace's documents. */
const DESIGN_DOC = '_design/taskflow';

/** A refusal is a 400 for a malformed body, a 403 for one that asks for what is not allowed. */
export type Checked = { ok: true; json: string } | { ok: false; status: 400 | 403; reason: string };

const fail = (reason: string): Checked => ({ ok: false, status: 400, reason });
const forbid = (reason: string): Checked => ({ ok: false, status: 403, reason });
const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a parsed body of `kind`; `docId` is the URL's document id, when there is one. */
export function checkBody(
	kind: Exclude<BodyKind, 'none'>,
	body: unknown,
	docId: string | null
): Checked {
	const verdict = CHECKS[kind](body, docId);
	return verdict ?? { ok: true, json: JSON.stringify(body) };
}

type Check = (body: unknown, docId: string | null) => Checked | null;

const CHECKS: Record<Exclude<BodyKind, 'none'>, Check> = {
	session: (b) => {
		if (!isObject(b)) return fail('the body must be a JSON object');
		if (typeof b.name !== 'string' || typeof b.password !== 'string' || !b.name || !b.password) {
			return fail('name and password must be non-empty strings');
		}
		return onlyKeys(b, ['name', 'password']);
	},
	doc: (b, docId) => {
		if (!isObject(b)) return fail('the body must be a JSON object');
		if (b._id !== undefined && b._id !== docId) {
			return fail('the _id in the body differs from the URL');
		}
		return docProblem(b, docId!);
	},
	'bulk-docs': (b) => {
		if (!isObject(b)) return fail('the body must be a JSON object');
		const keys = onlyKeys(b, ['docs', 'new_edits']);
		if (keys) return keys;
		if (!Array.isArray(b.docs)) return fail('docs must be a list');
		if (b.docs.length > MAX_DOCS) return fail(`at most ${MAX_DOCS} documents per request`);
		if (b.new_edits !== undefined && typeof b.new_edits !== 'boolean') {
			return fail('new_edits must be true or false');
		}
		for (const doc of b.docs) {
			if (!isObject(doc) || typeof doc._id !== 'string') {
				return fail('every document needs a string _id');
			}
			const problem = docProblem(doc, doc._id);
			if (problem) return problem;
		}
		return null;
	},
	'bulk-get': (b) => {
		if (!isObject(b)) return fail('the body must be a JSON object');
		const keys = onlyKeys(b, ['docs']);
		if (keys) return keys;
		if (!Array.isArray(b.docs) || b.docs.length > MAX_DOCS) {
			return fail(`docs must be a list of at most ${MAX_DOCS}`);
		}
		for (const d of b.docs) {
			if (!isObject(d) || !(isDocId(d.id) || d.id === DESIGN_DOC)) {
				return fail('every entry needs the id of a document');
			}
			if (d.rev !== undefined && typeof d.rev !== 'string') return fail('rev must be a string');
			const extra = onlyKeys(d, ['id', 'rev', 'atts_since']);
			if (extra) return extra;
			if (d.atts_since !== undefined && !stringList(d.atts_since, 1000)) {
				return fail('atts_since must be a list of revisions');
			}
		}
		return null;
	},
	'revs-diff': (b) => {
		if (!isObject(b)) return fail('the body must be a JSON object');
		const entries = Object.entries(b);
		if (entries.length > MAX_DOCS) return fail(`at most ${MAX_DOCS} documents per request`);
		for (const [id, revs] of entries) {
			if (!isDocId(id) && id !== DESIGN_DOC) {
				return fail(`${String(id)} is not the id of a document`);
			}
			if (!stringList(revs, 1000)) return fail('each id must map to a list of revisions');
		}
		return null;
	},
	keys: (b) => {
		if (!isObject(b)) return fail('the body must be a JSON object');
		const keys = onlyKeys(b, ['keys']);
		if (keys) return keys;
		return Array.isArray(b.keys) && b.keys.length <= MAX_DOCS
			? null
			: fail(`keys must be a list of at most ${MAX_DOCS}`);
	},
	'doc-ids': (b) => {
		if (!isObject(b)) return fail('the body must be a JSON object');
		const keys = onlyKeys(b, ['doc_ids']);
		if (keys) return keys;
		return stringList(b.doc_ids, MAX_DOCS) ? null : fail('doc_ids must be a list of ids');
	},
	checkpoint: (b, docId) => {
		// A replication checkpoint, as PouchDB and CouchDB write them; nothing else.
		if (!isObject(b)) return fail('the body must be a JSON object');
		if (b._id !== undefined && b._id !== docId) {
			return fail('the _id in the body differs from the URL');
		}
		const keys = onlyKeys(b, [
			'_id',
			'_rev',
			'last_seq',
			'session_id',
			'history',
			'replicator',
			'version',
			'replication_id_version',
			'source_last_seq',
			'start_time',
			'end_time'
		]);
		if (keys) return keys;
		if (
			b.history !== undefined &&
			!(Array.isArray(b.history) && b.history.length <= 50 && b.history.every(isObject))
		) {
			return fail('history must be a short list');
		}
		return null;
	}
};

/** What the door refuses in a document it forwards (the validator checks the rest). */
function docProblem(doc: Record<string, unknown>, id: string): Checked | null {
	if (!isDocId(id)) return forbid(`${String(id).slice(0, 40)} cannot be written through /db`);
	const atts = doc._attachments;
	if (atts === undefined) return null;
	if (!isObject(atts)) return fail('_attachments must be an object');
	for (const [name, att] of Object.entries(atts)) {
		if (!isObject(att)) return fail(`attachment ${name} is not an object`);
		if (att.follows !== undefined) return fail('multipart attachments are not accepted');
		if (att.stub === true) continue;
		if (typeof att.data !== 'string') return fail(`attachment ${name} needs its data`);
		// The size is the decoded data's, whatever `length` says.
		if (base64Bytes(att.data) > MAX_ATTACHMENT_BYTES) {
			return forbid(`attachment._attachments.${name}: larger than ${MAX_ATTACHMENT_BYTES} bytes`);
		}
	}
	return null;
}

const isDocId = (id: unknown): id is string =>
	typeof id === 'string' && id.length > 0 && id.length <= 512 && !id.startsWith('_');

function stringList(v: unknown, max: number): boolean {
	return (
		Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'string' && x.length <= 512)
	);
}

function onlyKeys(o: Record<string, unknown>, allowed: string[]): Checked | null {
	const extra = Object.keys(o).find((k) => !allowed.includes(k));
	return extra === undefined ? null : fail(`${extra} is not allowed in this body`);
}

function base64Bytes(data: string): number {
	const clean = data.replace(/\s+/g, '');
	const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
	return Math.floor((clean.length * 3) / 4) - pad;
}
