/**
 * Checking one exported document before it is imported into another workspace: the same zod
 * schemas as every write, plus what an import needs on top — no design or local documents,
 * no deletions, attachments that carry their data. The result is the document to write:
 * CouchDB's bookkeeping fields (`_rev`, `_conflicts`, …) dropped, `_attachments` kept.
 *
 * No document type stores its workspace's id today (workspaces are databases), so nothing
 * needs rewriting when documents move to a new workspace.
 */
import { docBytes, MAX_DOC_BYTES } from '../schemas/doc-schemas';
import { validationErrors } from '../validation';

/** An inline attachment as CouchDB accepts it on write. */
export interface InlineAttachment {
	content_type: string;
	data: string;
}

/** A document ready to write: content fields, `_id`, and inline attachments if any. */
export type ImportDoc = Record<string, unknown> & {
	_id: string;
	_attachments?: Record<string, InlineAttachment>;
};

/** The document to write, or why it is skipped. */
export type ImportCheck = { ok: true; doc: ImportDoc } | { ok: false; id: string; reason: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `value` is not a usable `_attachments` object, or null. */
function attachmentsError(value: unknown): string | null {
	if (!isObject(value)) return '_attachments: must be an object';
	for (const [name, att] of Object.entries(value)) {
		if (!isObject(att) || typeof att.content_type !== 'string') {
			return `_attachments.${name}: content_type is missing`;
		}
		if (typeof att.data !== 'string') {
			return `_attachments.${name}: the data is not in the export (export with attachments)`;
		}
		if (att.data.length % 4 !== 0 || !BASE64.test(att.data)) {
			return `_attachments.${name}: the data is not base64`;
		}
	}
	return null;
}

/** Checks entry `index` of an export for import. */
export function checkImportDoc(entry: unknown, index: number): ImportCheck {
	if (!isObject(entry) || typeof entry._id !== 'string' || !entry._id) {
		return { ok: false, id: `#${index + 1}`, reason: 'not a document with an _id' };
	}
	const id = entry._id;
	const skip = (reason: string): ImportCheck => ({ ok: false, id, reason });
	if (id.startsWith('_design/')) return skip('design documents are deployed by the server');
	if (id.startsWith('_')) return skip('reserved document id');
	if (entry._deleted === true) return skip('deleted document');

	const doc: ImportDoc = { _id: id };
	for (const [key, value] of Object.entries(entry)) {
		if (!key.startsWith('_')) doc[key] = value;
	}
	if (docBytes(doc) > MAX_DOC_BYTES) return skip(`larger than ${MAX_DOC_BYTES} bytes`);
	const errors = validationErrors(doc as { type?: unknown });
	if (errors) {
		const [field, message] = Object.entries(errors)[0]!;
		return skip(`${String(doc.type)}.${field}: ${message}`);
	}
	if (entry._attachments !== undefined) {
		const err = attachmentsError(entry._attachments);
		if (err) return skip(err);
		doc._attachments = Object.fromEntries(
			Object.entries(entry._attachments as Record<string, InlineAttachment>).map(([n, a]) => [
				n,
				{ content_type: a.content_type, data: a.data }
			])
		);
	}
	return { ok: true, doc };
}
