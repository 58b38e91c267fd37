/**
 * Workspace backup on the device: the export reads every document of the local database
 * (so it works offline), and the import sends an export to the server in batches, which
 * writes it into a workspace the caller administers (see `server/backup-routes.ts`).
 */
import {
	addReports,
	emptyReport,
	IMPORT_BODY_LIMIT,
	importBatches,
	type ImportReport
} from '../domain/backup/import-batches';
import {
	exportEnvelope,
	isExportableId,
	type ExportedDoc,
	type WorkspaceExport
} from '../domain/backup/workspace-export';
import { request } from './api-client';
import type { Db } from './pouch';

/** Documents read per `allDocs` page; attachments come inline, so pages stay modest. */
const PAGE = 200;

/** Progress of a long export or import: documents done out of `total`. */
export type Progress = (done: number, total: number) => void;

/**
 * Every document of `db` (not design or `_local` ones) as CouchDB stores it, attachments
 * inline as base64, in the export envelope. Reads page by page and reports progress.
 */
export async function exportWorkspace(
	db: Db,
	workspace: { id: string; name: string },
	onProgress: Progress = () => {}
): Promise<WorkspaceExport> {
	const total = (await db.info()).doc_count;
	const docs: ExportedDoc[] = [];
	let startkey: string | undefined;
	for (;;) {
		const page = await db.allDocs({
			include_docs: true,
			attachments: true,
			limit: PAGE + (startkey === undefined ? 0 : 1),
			...(startkey === undefined ? {} : { startkey })
		});
		const rows = startkey === undefined ? page.rows : page.rows.slice(1);
		for (const row of rows) {
			if (row.doc && isExportableId(row.id)) docs.push(row.doc as unknown as ExportedDoc);
		}
		onProgress(docs.length, Math.max(total, docs.length));
		if (rows.length < PAGE) break;
		startkey = page.rows[page.rows.length - 1]!.id;
	}
	return exportEnvelope(workspace, docs, new Date());
}

/**
 * Sends `docs` to workspace `wsId` in batches and adds up the server's reports. Documents
 * too large for one request are reported as skipped without being sent.
 */
export async function importIntoWorkspace(
	wsId: string,
	docs: readonly unknown[],
	onProgress: Progress = () => {}
): Promise<ImportReport> {
	const { batches, tooLarge } = importBatches(docs);
	let report = emptyReport();
	for (const { doc, index, bytes } of tooLarge) {
		const id = (doc as { _id?: unknown } | null)?._id;
		report.skipped.push({
			id: typeof id === 'string' ? id : `#${index + 1}`,
			reason: `too large to import (${mb(bytes)}; at most ${mb(IMPORT_BODY_LIMIT)} per document)`
		});
	}
	let done = tooLarge.length;
	onProgress(done, docs.length);
	for (const batch of batches) {
		const answer = await request<ImportReport>(
			'POST',
			`/api/workspaces/${encodeURIComponent(wsId)}/import`,
			batch
		);
		report = addReports(report, answer);
		done += batch.docs.length;
		onProgress(done, docs.length);
	}
	return report;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
