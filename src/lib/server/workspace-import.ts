/**
 * Importing a TaskFlow export into a workspace, one batch of documents per call. Documents
 * written by other people cannot be written with the importing user's session (the
 * validator wants `createdBy`/`author` to be the writer), so the server writes them with its
 * admin credentials — after the caller proved to be an admin of the target workspace, and
 * after each document passed the same schemas as every write. `validate_doc_update` checks
 * the schema again on the way in.
 *
 * `_id`s are kept: a document already in the target is reported as already there and left
 * as it is, so running the same import twice writes nothing the second time.
 */
import type { ServerScope } from 'nano';
import { z } from 'zod';
import { checkImportDoc, type ImportDoc } from '../domain/backup/import-check';
import { emptyReport, IMPORT_BATCH_DOCS, type ImportReport } from '../domain/backup/import-batches';
import { workspaceDbName } from '../domain/ids';

/** One import request: documents of the export starting at entry `offset` (for reports). */
export const importInput = z.object({
	offset: z.number().int().min(0),
	docs: z.array(z.unknown()).min(1).max(IMPORT_BATCH_DOCS)
});
export type ImportInput = z.infer<typeof importInput>;

interface RevRow {
	key: string;
	value?: { rev: string; deleted?: boolean };
	error?: string;
}

interface BulkRow {
	id?: string;
	rev?: string;
	error?: string;
	reason?: string;
}

/** Writes the valid, not yet present documents of `input` into workspace `ws`. */
export async function importBatch(
	couch: ServerScope,
	ws: string,
	input: ImportInput
): Promise<ImportReport> {
	const report = emptyReport();
	const candidates = new Map<string, ImportDoc>();
	input.docs.forEach((entry, i) => {
		const check = checkImportDoc(entry, input.offset + i);
		if (!check.ok) report.skipped.push({ id: check.id, reason: check.reason });
		else if (candidates.has(check.doc._id)) {
			report.skipped.push({ id: check.doc._id, reason: 'appears twice in the export' });
		} else candidates.set(check.doc._id, check.doc);
	});
	if (candidates.size === 0) return report;

	const db = couch.use(workspaceDbName(ws));
	const revs = (await db.fetchRevs({ keys: [...candidates.keys()] })) as unknown as {
		rows: RevRow[];
	};
	for (const row of revs.rows) {
		// A deleted document in the target is written again: CouchDB accepts a new revision
		// over a deletion without `_rev`.
		if (row.value && !row.value.deleted && candidates.delete(row.key)) report.alreadyThere++;
	}
	if (candidates.size === 0) return report;

	const results = (await db.bulk({ docs: [...candidates.values()] })) as BulkRow[];
	// Answers may come in another order than sent: match them by id.
	for (const row of results) {
		if (!row.id || !candidates.has(row.id)) continue;
		if (!row.error) report.written++;
		else if (row.error === 'conflict') report.alreadyThere++;
		else report.skipped.push({ id: row.id, reason: row.reason ?? row.error });
	}
	return report;
}
