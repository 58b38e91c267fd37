/**
 * Sends an authorized request to the database and its answer back, and nothing more: the
 * path, query and body the door decided on; the caller's session cookie and no other
 * header; back only the headers a browser needs. The upstream request ends when the client
 * goes away, and every request has a deadline, so abandoned feeds cannot pile up. A
 * redirect is never passed on (it would lead out of `/db`).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { attachmentHeaders } from '../attachment-headers';
import { sendJson } from '../http-json';
import { rewriteSetCookie } from './cookie-attributes';
import { fetchUpstream } from '../upstream-fetch';

export interface Forward {
	method: string;
	/** Path below the database root, already encoded. */
	path: string;
	query: string;
	cookie: string | null;
	body: string | null;
	/**
	 * A long poll: its own pool of connections, and an end after `ms` even when upstream
	 * would hold it longer (CouchDB ignores `timeout` once a heartbeat is asked for). If
	 * nothing but heartbeats came by then, the door answers "no changes since `since`",
	 * which a client takes as a normal empty poll.
	 */
	feed: { ms: number; since: string } | null;
	/** The file name, for an attachment (served as a download). */
	attachment: string | null;
	/** Cookies to hand back whatever upstream says (a renewed session). */
	setCookie?: string[];
	/** Who is asking (for ending their feeds when their role changes). */
	caller?: string | null;
}

const isReset = (err: NodeJS.ErrnoException) =>
	err.code === 'ECONNRESET' || err.code === 'EPIPE' || err.message === 'socket hang up';

/** How long a request may take (long polls: see `Forward.feed`). */
const DEADLINE_MS = 120_000;
const PASSED_HEADERS = ['content-type', 'content-length', 'cache-control', 'etag'];

export class Upstream {
	readonly #base: URL;
	readonly #client: typeof http | typeof https;
	readonly #agent: http.Agent;
	readonly #feedAgent: http.Agent;
	readonly #secureCookies: boolean;
	/** How to end each long poll waiting now, with whose it is (see `drainFeeds`). */
	readonly #feeds = new Map<() => void, { path: string; caller: string | null }>();

	constructor(base: string, opts: { secureCookies: boolean; maxFeeds: number }) {
		this.#base = new URL(base);
		this.#client = this.#base.protocol === 'https:' ? https : http;
		const Agent = this.#client.Agent;
		this.#agent = new Agent({ keepAlive: true, maxSockets: 128 });
		// Feeds wait on their own connections, so a crowd of them never queues ordinary requests.
		this.#feedAgent = new Agent({ keepAlive: true, maxSockets: opts.maxFeeds });
		this.#secureCookies = opts.secureCookies;
	}

	/** Forwards `f` and answers `res`; resolves when the exchange is over. */
	forward(req: IncomingMessage, res: ServerResponse, f: Forward): Promise<void> {
		return new Promise<void>((resolve) => {
			const headers: Record<string, string> = { accept: 'application/json' };
			if (f.cookie) headers.cookie = f.cookie;
			if (f.body !== null) {
				headers['content-type'] = 'application/json';
				headers['content-length'] = String(Buffer.byteLength(f.body));
			}
			const rid = req.headers['x-request-id'];
			if (typeof rid === 'string') headers['x-request-id'] = rid;
			const basePath = this.#base.pathname.replace(/\/+$/, '');
			const send = () =>
				this.#client.request({
					protocol: this.#base.protocol,
					hostname: this.#base.hostname,
					port: this.#base.port,
					method: f.method,
					path: `${basePath}${f.path}${f.query ? `?${f.query}` : ''}`,
					headers,
					agent: f.feed ? this.#feedAgent : this.#agent
				});
			let up = send();
			let settled = false;
			let answered = false;
			let retries = 0;
			// Whether a feed has sent more than heartbeats (then it is never cut short).
			let feedAnswering = false;
			const finish = () => {
				if (settled) return;
				settled = true;
				clearTimeout(deadline);
				this.#feeds.delete(endFeed);
				resolve();
			};
			const fail = (status: number, reason: string) => {
				up.destroy();
				if (!res.headersSent) {
					sendJson(res, status, { error: status === 504 ? 'timeout' : 'bad_gateway', reason });
				} else res.destroy();
				finish();
			};
			/** Ends a waiting long poll with "nothing new since `since`" (on time, or at shutdown). */
			const endFeed = () => {
				if (!f.feed || feedAnswering || settled) return;
				up.destroy();
				const seq = /^\d+$/.test(f.feed.since) ? f.feed.since : JSON.stringify(f.feed.since);
				if (!res.headersSent) {
					res.writeHead(200, {
						'content-type': 'application/json',
						'cache-control': 'must-revalidate'
					});
				}
				res.end(`{"results":[],"last_seq":${seq},"pending":0}\n`);
				finish();
			};
			const deadline = setTimeout(
				() => (f.feed ? endFeed() : fail(504, 'the database did not answer in time')),
				f.feed ? f.feed.ms : DEADLINE_MS
			);
			if (f.feed) this.#feeds.set(endFeed, { path: f.path, caller: f.caller ?? null });
			// The client gave up: so does the door, upstream included.
			res.on('close', () => {
				if (!res.writableFinished) up.destroy();
				finish();
			});
			const onResponse = (answer: IncomingMessage) => {
				answered = true;
				const status = answer.statusCode ?? 502;
				if (status >= 300 && status < 400) {
					answer.resume();
					return fail(502, 'the database answered with a redirect, which the door does not follow');
				}
				res.writeHead(status, this.#headersOf(answer, f));
				answer.on('data', (chunk: Buffer) => {
					if (!feedAnswering && /\S/.test(chunk.toString('latin1'))) feedAnswering = true;
					if (res.writableEnded) return;
					if (!res.write(chunk)) {
						answer.pause();
						res.once('drain', () => answer.resume());
					}
				});
				answer.on('end', () => {
					if (!res.writableEnded) res.end();
					finish();
				});
				answer.on('error', () => res.destroy());
			};
			const onError = (err: NodeJS.ErrnoException) => {
				// A kept-alive connection the database closed as idle just as this request went
				// out: the database never read the request, so it is sent again (Node's documented
				// remedy for this race); a few times, as other idle connections may be as old.
				if (!answered && retries < 3 && !settled && up.reusedSocket && isReset(err)) {
					retries++;
					up = send();
					wire();
					return;
				}
				if (!settled) fail(502, `database unreachable: ${err.message}`);
			};
			const wire = () => {
				up.on('error', onError);
				up.on('response', onResponse);
				up.end(f.body ?? undefined);
			};
			wire();
		});
	}

	#headersOf(answer: IncomingMessage, f: Forward): Record<string, string | string[]> {
		const out: Record<string, string | string[]> = {};
		for (const name of PASSED_HEADERS) {
			const v = answer.headers[name];
			if (typeof v === 'string') out[name] = v;
		}
		if (f.attachment !== null && (answer.statusCode ?? 500) < 300) {
			Object.assign(
				out,
				attachmentHeaders(String(answer.headers['content-type'] ?? ''), f.attachment)
			);
		}
		const cookies = [...(f.setCookie ?? []), ...(answer.headers['set-cookie'] ?? [])];
		if (cookies.length) {
			out['set-cookie'] = cookies.map((c) => rewriteSetCookie(c, this.#secureCookies));
		}
		return out;
	}

	/** GET `path` upstream with the server's own view (no credentials). */
	async json(path: string): Promise<unknown> {
		const res = await fetchUpstream(new URL(path, this.#base));
		if (!res.ok) throw new Error(`upstream ${path} answered ${res.status}`);
		return res.json();
	}

	/**
	 * Ends every long poll waiting now with "nothing new" (for a shutdown): devices poll
	 * again, find the server gone, and retry, instead of waiting out their timeout.
	 */
	drainFeeds(): void {
		for (const end of [...this.#feeds.keys()]) end();
	}

	/**
	 * Ends the long polls `caller` waits on in database `db` (their role changed): the
	 * device's next request meets the new rules at once, instead of up to a minute later.
	 */
	endFeedsOf(db: string, caller: string): void {
		for (const [end, feed] of [...this.#feeds]) {
			if (feed.caller === caller && feed.path.startsWith(`/${db}/`)) end();
		}
	}

	close(): void {
		this.#agent.destroy();
		this.#feedAgent.destroy();
	}
}
