/** Validate a document against its type's schema, with messages keyed by field. */
import { isWorkspaceDocType, workspaceDocSchemas } from './schemas/doc-schemas';

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
	if (result.success) return null;
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
