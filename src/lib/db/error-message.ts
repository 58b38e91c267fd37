/** Errors as a person reads them: never `[object Object]` or a JSON dump. */

/** A readable message for a PouchDB/CouchDB error (or any thrown value). */
export function errorMessage(err: unknown): string {
	if (err && typeof err === 'object') {
		const e = err as { reason?: unknown; message?: unknown; name?: unknown };
		if (typeof e.reason === 'string' && e.reason) return e.reason;
		if (typeof e.message === 'string' && e.message) return e.message;
		if (typeof e.name === 'string') return e.name;
	}
	return String(err);
}
