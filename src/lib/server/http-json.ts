/** Small helpers for JSON over `node:http`, shared by the door and the accounts API. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Sends `body` as JSON with `status`, unless the response has already started. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	if (res.headersSent) {
		res.destroy();
		return;
	}
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
		'cache-control': 'no-store'
	});
	res.end(text);
}

/** A CouchDB-style error body. */
export const couchError = (error: string, reason: string) => ({ error, reason });

/** Raised while reading a body; carries the HTTP status to answer with. */
export class BodyError extends Error {
	constructor(
		readonly status: 400 | 413 | 415,
		message: string
	) {
		super(message);
	}
}

/** Reads a JSON request body of at most `limit` bytes. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
	const type = req.headers['content-type'] ?? '';
	if (!/^application\/json\b/i.test(type)) {
		throw new BodyError(415, 'expected Content-Type: application/json');
	}
	const declared = Number(req.headers['content-length'] ?? 0);
	if (declared > limit) throw new BodyError(413, `body larger than ${limit} bytes`);
	const decoder = new TextDecoder();
	let text = '';
	let size = 0;
	for await (const chunk of req as AsyncIterable<Uint8Array>) {
		size += chunk.byteLength;
		if (size > limit) throw new BodyError(413, `body larger than ${limit} bytes`);
		text += decoder.decode(chunk, { stream: true });
	}
	text += decoder.decode();
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new BodyError(400, 'body is not valid JSON');
	}
}

/** An API outcome other than success, raised by services and answered by the router. */
export class HttpError extends Error {
	constructor(
		readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 429 | 503,
		readonly error: string,
		message: string
	) {
		super(message);
	}
}
