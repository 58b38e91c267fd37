/**
 * Splitting an export's documents into request-sized batches for the import API, so a big
 * export (many documents, large attachments) never needs one huge request.
 */

/** Largest import request body the server accepts. */
export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;
/** Most documents the server accepts in one import request. */
export const IMPORT_BATCH_DOCS = 200;

/** Batches of documents, plus the ones too large to send at all. */
export interface ImportBatches<T> {
	batches: T[][];
	tooLarge: { doc: T; bytes: number }[];
}

const utf8 = new TextEncoder();
/** UTF-8 size of `value` as JSON. */
export const jsonBytes = (value: unknown): number => utf8.encode(JSON.stringify(value)).length;

/**
 * Groups `docs` in order into batches of at most `maxDocs` documents and about `maxBytes`
 * of JSON each. A document larger than `maxBytes` travels alone; one larger than
 * `hardLimit` (what the server accepts in one request) goes to `tooLarge` instead.
 */
export function importBatches<T>(
	docs: readonly T[],
	maxBytes = IMPORT_BODY_LIMIT / 4,
	maxDocs = IMPORT_BATCH_DOCS,
	hardLimit = IMPORT_BODY_LIMIT - 1024
): ImportBatches<T> {
	const batches: T[][] = [];
	const tooLarge: { doc: T; bytes: number }[] = [];
	let current: T[] = [];
	let size = 0;
	for (const doc of docs) {
		const bytes = jsonBytes(doc) + 1;
		if (bytes > hardLimit) {
			tooLarge.push({ doc, bytes });
			continue;
		}
		if (current.length && (size + bytes > maxBytes || current.length >= maxDocs)) {
			batches.push(current);
			current = [];
			size = 0;
		}
		current.push(doc);
		size += bytes;
	}
	if (current.length) batches.push(current);
	return { batches, tooLarge };
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
