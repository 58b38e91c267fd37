/**
 * The TaskFlow workspace export file: every document of one workspace database as CouchDB
 * stores it (`_id`, `_rev`, fields, `_attachments` inline as base64), in an envelope that
 * says what it is. Pure shaping and reading; the database work lives in `lib/db`.
 */

/** The `format` marker of an export file. */
export const EXPORT_FORMAT = 'taskflow-workspace';
/** The export file version this code writes and reads. */
export const EXPORT_VERSION = 1;

/** One stored document, as `allDocs({ include_docs: true, attachments: true })` returns it. */
export type ExportedDoc = Record<string, unknown> & { _id: string };

/** A whole export file. */
export interface WorkspaceExport {
	format: typeof EXPORT_FORMAT;
	version: typeof EXPORT_VERSION;
	exportedAt: string;
	workspace: { id: string; name: string };
	docs: ExportedDoc[];
}

/** Whether a document id belongs in an export: design and `_local` documents do not. */
export const isExportableId = (id: string): boolean => !id.startsWith('_');

/** The export envelope around `docs` (design and local documents left out). */
export function exportEnvelope(
	workspace: { id: string; name: string },
	docs: readonly ExportedDoc[],
	now: Date
): WorkspaceExport {
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: now.toISOString(),
		workspace: { id: workspace.id, name: workspace.name },
		docs: docs.filter((d) => isExportableId(d._id))
	};
}

/** A file-name-safe slug of a workspace name (`"Field crew #2"` → `field-crew-2`). */
export function slug(name: string): string {
	const s = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	return s || 'workspace';
}

/** `taskflow-<workspace>-<YYYY-MM-DD>.json`, dated in UTC. */
export const exportFileName = (workspaceName: string, now: Date): string =>
	`taskflow-${slug(workspaceName)}-${now.toISOString().slice(0, 10)}.json`;

/** The outcome of reading a file that should be an export. */
export type ParsedExport = { ok: true; value: WorkspaceExport } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads an export file's text. Checks the envelope only; each document is checked by the
 * server on import, which reports the ones it skips and why. Entries that are not objects
 * with a string `_id` are kept so the server can report them too.
 */
export function parseWorkspaceExport(text: string): ParsedExport {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, error: 'This file is not JSON. Choose a TaskFlow export (.json).' };
	}
	if (!isObject(data) || data.format !== EXPORT_FORMAT) {
		return { ok: false, error: 'This JSON file is not a TaskFlow workspace export.' };
	}
	if (data.version !== EXPORT_VERSION) {
		return {
			ok: false,
			error: `This export has version ${JSON.stringify(data.version)}; this TaskFlow reads version ${EXPORT_VERSION}.`
		};
	}
	const ws = data.workspace;
	if (!isObject(ws) || typeof ws.id !== 'string' || typeof ws.name !== 'string') {
		return { ok: false, error: 'The export does not say which workspace it came from.' };
	}
	if (!Array.isArray(data.docs)) {
		return { ok: false, error: 'The export has no document list.' };
	}
	return {
		ok: true,
		value: {
			format: EXPORT_FORMAT,
			version: EXPORT_VERSION,
			exportedAt: typeof data.exportedAt === 'string' ? data.exportedAt : '',
			workspace: { id: ws.id, name: ws.name },
			docs: data.docs as ExportedDoc[]
		}
	};
}
