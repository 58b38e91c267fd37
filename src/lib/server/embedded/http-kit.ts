/**
 * HTTP plumbing of the embedded server: CouchDB-shaped errors, JSON bodies read with a
 * limit, query values, and PouchDB errors turned into CouchDB answers. Every handler
 * throws `CouchError` (or lets a PouchDB error through) and the router answers it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An answer other than success, with CouchDB's `{error, reason}` body. */
export class CouchError extends Error {
	constructor(
		readonly status: number,
		readonly error: string,
		reason: string
	) {
		super(reason);
	}
}

export const badRequest = (reason: string) => new CouchError(400, 'bad_request', reason);
export const forbidden = (reason: string) => new CouchError(403, 'forbidden', reason);
export const unauthorized = (reason: string) => new CouchError(401, 'unauthorized', reason);
export const notFound = (reason = 'missing') => new CouchError(404, 'not_found', reason);

/** The status and body for any thrown value: ours, PouchDB's, or a bug (500, no details). */
export function errorAnswer(err: unknown): {
	status: number;
	body: { error: string; reason: string };
} {
	if (err instanceof CouchError) {
		return { status: err.status, body: { error: err.error, reason: err.message } };
	}
	const e = err as { status?: unknown; name?: unknown; message?: unknown; reason?: unknown };
	if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
		const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
		const reason = text(e.reason) ?? text(e.message) ?? 'error';
		return { status: e.status, body: { error: text(e.name) ?? 'error', reason } };
	}
	return { status: 500, body: { error: 'internal_server_error', reason: 'the request failed' } };
}

/** Sends `body` as JSON unless the response has started (then it is cut off). */
export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string | string[]> = {}
): void {
	if (res.headersSent) {
		res.destroy();
		return;
	}
	const text = JSON.stringify(body) + '\n';
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		'cache-control': 'must-revalidate',
		...headers
	});
	res.end(text);
}

/** Reads the whole body, refusing more than `limit` bytes (413). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
	if (Number(req.headers['content-length'] ?? 0) > limit) {
		req.resume();
		throw new CouchError(413, 'too_large', 'the request entity is too large');
	}
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Uint8Array>) {
		size += chunk.byteLength;
		if (size > limit) throw new CouchError(413, 'too_large', 'the request entity is too large');
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}

/** Reads a JSON body; only `application/json` (forms and multipart are refused). */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
	const type = String(req.headers['content-type'] ?? 'application/json');
	if (!/^application\/json\b/i.test(type)) {
		req.resume();
		throw new CouchError(415, 'bad_content_type', 'Content-Type must be application/json');
	}
	const raw = await readBody(req, limit);
	if (raw.byteLength === 0) return undefined;
	try {
		return JSON.parse(raw.toString('utf8')) as unknown;
	} catch {
		throw badRequest('invalid UTF-8 JSON');
	}
}

/** A JSON object body, or 400. */
export async function readObject(
	req: IncomingMessage,
	limit: number
): Promise<Record<string, unknown>> {
	const body = await readJson(req, limit);
	if (!isObject(body)) throw badRequest('Request body must be a JSON object');
	return body;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Query parameters, read the way CouchDB reads them. */
export class Query {
	readonly #params: URLSearchParams;

	constructor(search: string) {
		this.#params = new URLSearchParams(search);
	}

	has(name: string): boolean {
		return this.#params.has(name);
	}

	string(name: string): string | undefined {
		return this.#params.get(name) ?? undefined;
	}

	/** `true`/`false`; anything else is a 400. */
	bool(name: string): boolean | undefined {
		const v = this.#params.get(name);
		if (v === null) return undefined;
		if (v === 'true') return true;
		if (v === 'false') return false;
		throw new CouchError(400, 'query_parse_error', `Invalid boolean parameter: "${v}"`);
	}

	/** A non-negative integer; anything else is a 400. */
	int(name: string): number | undefined {
		const v = this.#params.get(name);
		if (v === null) return undefined;
		if (!/^\d{1,15}$/.test(v)) {
			throw new CouchError(400, 'query_parse_error', `Invalid value for integer: "${v}"`);
		}
		return Number(v);
	}

	/** A JSON value (view keys, `open_revs`); anything else is a 400. */
	json(name: string): unknown {
		const v = this.#params.get(name);
		if (v === null) return undefined;
		try {
			return JSON.parse(v) as unknown;
		} catch {
			throw new CouchError(400, 'query_parse_error', `Invalid JSON for ${name}`);
		}
	}
}
