/**
 * Splitting an export's documents into request-sized batches for the import API, so a big
 * export (many documents, large attachments) never needs one huge request.
 */

/** Largest import request body the server accepts. */
export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;
/** Most documents the server accepts in one import request. */
export const IMPORT_BATCH_DOCS = 200;

/** A run of consecutive documents; `offset` is the index of the first one in the export. */
export interface ImportBatch<T> {
	offset: number;
	docs: T[];
}

/** Batches of documents, plus the ones too large to send at all (with their index). */
export interface ImportBatches<T> {
	batches: ImportBatch<T>[];
	tooLarge: { doc: T; index: number; bytes: number }[];
}

const utf8 = new TextEncoder();
/** UTF-8 size of `value` as JSON. */
export const jsonBytes = (value: unknown): number => utf8.encode(JSON.stringify(value)).length;

/**
 * Groups `docs` in order into batches of at most `maxDocs` documents and about `maxBytes`
 * of JSON each. A document larger than `maxBytes` travels alone; one larger than
 * `hardLimit` (what the server accepts in one request) goes to `tooLarge` instead. Each
 * batch holds consecutive documents, so the server can name an entry by its position.
 */
export function importBatches<T>(
	docs: readonly T[],
	maxBytes = IMPORT_BODY_LIMIT / 4,
	maxDocs = IMPORT_BATCH_DOCS,
	hardLimit = IMPORT_BODY_LIMIT - 1024
): ImportBatches<T> {
	const out: ImportBatches<T> = { batches: [], tooLarge: [] };
	let current: ImportBatch<T> | null = null;
	let size = 0;
	docs.forEach((doc, index) => {
		const bytes = jsonBytes(doc) + 1;
		if (bytes > hardLimit) {
			out.tooLarge.push({ doc, index, bytes });
			current = null;
			return;
		}
		if (!current || size + bytes > maxBytes || current.docs.length >= maxDocs) {
			current = { offset: index, docs: [] };
			out.batches.push(current);
			size = 0;
		}
		current.docs.push(doc);
		size += bytes;
	});
	return out;
}

/** What an import did: per-batch answers of the server add up to this. */
export interface ImportReport {
	written: number;
	alreadyThere: number;
	skipped: { id: string; reason: string }[];
}

export const emptyReport = (): ImportReport => ({ written: 0, alreadyThere: 0, skipped: [] });

/** `a` and `b` added up. */
export const addReports = (a: ImportReport, b: ImportReport): ImportReport => ({
	written: a.written + b.written,
	alreadyThere: a.alreadyThere + b.alreadyThere,
	skipped: [...a.skipped, ...b.skipped]
});
