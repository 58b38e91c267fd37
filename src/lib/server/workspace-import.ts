/**
 * Importing a TaskFlow export into a workspace, one batch of documents per call. Documents
 * written by other people cannot be written with the importing user's session (the
 * validator wants `createdBy`/`author` to be the writer), so the server writes them with its
 * admin credentials — only into a workspace created for this import by the caller, while
 * its import window is open (backup-routes.ts), and only documents that pass every rule a
 * write by their own author would: schemas, authorship (`author`, `actor`, `user` are the
 * `createdBy`), time spans. Snapshots (the server's own) are schema-checked only.
 *
 * `_id`s are kept: a document already in the target is reported as already there and left
 * as it is, so running the same import twice writes nothing the second time.
 */
import type { ServerScope } from 'nano';
import { z } from 'zod';
import { checkImportDoc, type ImportDoc } from '../domain/backup/import-check';
import { securityObject } from './membership-rules';
import { validatorFor } from './embedded/trusted-code';
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
	const dbName = workspaceDbName(ws);
	input.docs.forEach((entry, i) => {
		const check = checkImportDoc(entry, input.offset + i);
		const refused = check.ok ? asItsAuthor(dbName, check.doc) : null;
		if (!check.ok) report.skipped.push({ id: check.id, reason: check.reason });
		else if (refused) report.skipped.push({ id: check.doc._id, reason: refused });
		else if (candidates.has(check.doc._id)) {
			report.skipped.push({ id: check.doc._id, reason: 'appears twice in the export' });
		} else candidates.set(check.doc._id, check.doc);
	});
	if (candidates.size === 0) return report;

	const db = couch.use(dbName);
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

/**
 * Why `doc` would be refused if its author (`createdBy`) wrote it, or null. Burn-down
 * snapshots are the server's own writing: they keep their schema check only, so a restored
 * workspace keeps its history (it is a new workspace, owned by whoever imports).
 */
function asItsAuthor(dbName: string, doc: ImportDoc): string | null {
	if (doc.type === 'snapshot') return null;
	const author = typeof doc.createdBy === 'string' ? doc.createdBy : null;
	if (!author) return 'createdBy: required';
	try {
		const sec = securityObject({ [author]: 'admin' });
		validatorFor(dbName)?.(
			structuredClone(doc),
			null,
			{ name: author, roles: [], db: dbName },
			sec
		);
		return null;
	} catch (thrown) {
		const t = thrown as { forbidden?: unknown; unauthorized?: unknown } | null;
		const reason = t?.forbidden ?? t?.unauthorized;
		return typeof reason === 'string' ? reason : 'refused by validation';
	}
}
