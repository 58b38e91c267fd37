/** Validate a document against its type's schema, with messages keyed by field. */
import {
	docBytes,
	isWorkspaceDocType,
	MAX_DOC_BYTES,
	workspaceDocSchemas
} from './schemas/doc-schemas';

export class ValidationError extends Error {
	constructor(readonly fields: Record<string, string>) {
		super(
			Object.entries(fields)
				.map(([f, m]) => `${f}: ${m}`)
				.join('; ')
		);
		this.name = 'ValidationError';
	}
}

/** Field → first problem, or `null` when the document is valid. */
export function validationErrors(doc: { type?: unknown }): Record<string, string> | null {
	if (!isWorkspaceDocType(doc.type)) return { type: `unknown document type ${String(doc.type)}` };
	const result = workspaceDocSchemas[doc.type].safeParse(doc);
	if (result.success) return sizeError(doc);
	const fields: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const key = issue.path.length ? issue.path.join('.') : '_';
		fields[key] ??= issue.message;
	}
	return fields;
}

/** Throw a `ValidationError` unless `doc` is valid. */
export function assertValid(doc: { type?: unknown }): void {
	const errors = validationErrors(doc);
	if (errors) throw new ValidationError(errors);
}

/**
 * The device refuses exactly what the server's validator refuses, size included: a document
 * it would store but the server not would sit on this device and never sync.
 */
function sizeError(doc: object): Record<string, string> | null {
	const bytes = docBytes(doc);
	if (bytes <= MAX_DOC_BYTES) return null;
	const field = 'description' in doc ? 'description' : 'body' in doc ? 'body' : '_';
	const kb = (n: number) => Math.ceil(n / 1024);
	return {
		[field]: `too large to sync: ${kb(bytes)} KB, and a document may hold ${kb(MAX_DOC_BYTES)} KB`
	};
}
