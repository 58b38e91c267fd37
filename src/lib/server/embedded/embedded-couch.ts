/**
 * The zero-setup database: TaskFlow's own CouchDB-protocol server over PouchDB's LevelDB
 * adapter, data under `DATA_DIR/couch/`. It listens on 127.0.0.1 only; browsers reach it
 * through the door (`/db`), never directly. It answers only the routes TaskFlow uses
 * (embedded-routes.ts), authenticates every caller itself, runs no code from stored design
 * documents (trusted-code.ts), and a failing request fails alone: it is a 500 for that
 * request, never a process exit.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import find from 'pouchdb-find';
import type { AdminCredentials } from '../admin-credentials';
import { lockDataDir } from './data-dir-lock';
import { DbCatalog } from './db-catalog';
import { embeddedViews } from './embedded-views';
import { route, type RouteDb } from './embedded-routes';
import { badRequest, errorAnswer, Query, sendJson } from './http-kit';
import { DEFAULT_ITERATIONS } from './passwords';
import { Sessions, type AccountDoc } from './sessions';
import { createViewWarmer, type WarmableDb } from './view-warmer';

PouchDB.plugin(find).plugin(embeddedViews);

/** A running embedded server. */
export interface EmbeddedCouch {
	/** Base URL without credentials, e.g. `http://127.0.0.1:41234`. */
	url: string;
	close(): Promise<void>;
}

export const EMBEDDED_COUCH_FILE = 'embedded-couch.json';
/** Sessions last 30 days (SESSION_DAYS) and are renewed by use, so offline crews stay signed in. */
export const DEFAULT_SESSION_SECONDS = 30 * 24 * 3600;

/** Starts the embedded server with `admin` as its server admin. */
export async function startEmbeddedCouch(opts: {
	dataDir: string;
	admin: AdminCredentials;
	port?: number | null;
	/** PBKDF2 iterations for new password hashes (CouchDB 3.5's 600,000 unless set). */
	iterations?: number;
	sessionSeconds?: number;
	log?: (line: string) => void;
	/** Take DATA_DIR's lock (false when the app process that started this one holds it). */
	lock?: boolean;
}): Promise<EmbeddedCouch> {
	const dir = path.join(opts.dataDir, 'couch') + path.sep;
	await mkdir(dir, { recursive: true });
	const unlock = opts.lock === false ? () => undefined : lockDataDir(opts.dataDir);
	const log = opts.log ?? ((line: string) => console.error(line));
	// Views catch up 500 changes per step (PouchDB's default is 50).
	const Pouch = PouchDB.defaults({ prefix: dir, view_update_changes_batch_size: 500 } as object);
	const catalog = new DbCatalog<RouteDb>(Pouch as unknown as new (name: string) => RouteDb);
	const iterations = opts.iterations ?? DEFAULT_ITERATIONS;
	const users = async () => catalog.get('_users');
	const sessions = new Sessions({
		admin: opts.admin,
		secret: await sessionSecret(opts.dataDir),
		timeoutSec: opts.sessionSeconds ?? DEFAULT_SESSION_SECONDS,
		iterations,
		async readAccount(name) {
			try {
				return (await (await users()).get(`org.couchdb.user:${name}`)) as AccountDoc;
			} catch {
				return null;
			}
		},
		async saveAccount(doc) {
			await (await users()).bulkDocs([doc], { new_edits: true });
		}
	});
	// Indexes are built in the background after writes, as CouchDB 3's `ken` does.
	const warmer = createViewWarmer();
	const deps = {
		catalog,
		sessions,
		iterations,
		onWrite: (name: string, db: RouteDb) => warmer.noteWrite(name, db as unknown as WarmableDb),
		sizeOf: directorySizes(dir)
	};

	const server = createServer((req, res) => void handle(deps, req, res, log));
	server.on('clientError', (_err, socket) => socket.destroy());
	// The door and the server's own clients keep connections alive, and close idle ones a
	// little before the `Keep-Alive: timeout` this announces; a long window leaves a loaded
	// machine's late timers far from the race where both ends close at once.
	server.keepAliveTimeout = 65_000;
	server.headersTimeout = 70_000;
	await listen(server, opts.port ?? 0);
	const { port } = server.address() as AddressInfo;
	const url = `http://127.0.0.1:${port}`;
	await writeFile(
		path.join(opts.dataDir, EMBEDDED_COUCH_FILE),
		JSON.stringify({ url, pid: process.pid }) + '\n'
	);

	return {
		url,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve()));
				server.closeAllConnections();
			})
				.finally(() => warmer.stop())
				.finally(() => catalog.close())
				.finally(unlock)
	};
}

async function handle(
	deps: Parameters<typeof route>[0],
	req: IncomingMessage,
	res: ServerResponse,
	log: (line: string) => void
): Promise<void> {
	try {
		const url = req.url ?? '/';
		const q = url.indexOf('?');
		const { ctx, setCookie } = await deps.sessions.identify(req.headers);
		if (setCookie) res.setHeader('set-cookie', setCookie);
		await route(
			deps,
			req,
			res,
			ctx,
			segmentsOf(q === -1 ? url : url.slice(0, q)),
			new Query(q === -1 ? '' : url.slice(q + 1))
		);
	} catch (err) {
		const { status, body } = errorAnswer(err);
		if (status >= 500) {
			log(
				JSON.stringify({
					level: 'error',
					msg: 'embedded request failed',
					method: req.method,
					error: (err as Error)?.message
				})
			);
		}
		req.resume();
		sendJson(res, status, body);
	}
}

/** The decoded path segments (CouchDB decodes `%2F` inside a segment, and so do we). */
function segmentsOf(rawPath: string): string[] {
	const parts = rawPath.split('/').filter((p, i) => i > 0 && p !== '');
	return parts.map((p) => {
		let decoded: string;
		try {
			decoded = decodeURIComponent(p);
		} catch {
			throw badRequest('malformed percent-encoding');
		}
		if (decoded.includes('\0')) throw badRequest('illegal character in path');
		return decoded;
	});
}

/**
 * Bytes each database's LevelDB directory (its views' included) takes, read at most every
 * two seconds per database: what `sizes.file` reports, as CouchDB's files do.
 */
function directorySizes(dir: string): (name: string) => Promise<number> {
	const cache = new Map<string, { at: number; bytes: Promise<number> }>();
	const sum = async (p: string): Promise<number> => {
		const entries = await readdir(p, { withFileTypes: true }).catch(() => []);
		let total = 0;
		for (const e of entries) {
			const full = path.join(p, e.name);
			total += e.isDirectory()
				? await sum(full)
				: (await stat(full).catch(() => ({ size: 0 }))).size;
		}
		return total;
	};
	return (name) => {
		const hit = cache.get(name);
		if (hit && Date.now() - hit.at < 2_000) return hit.bytes;
		const bytes = (async () => {
			const all = await readdir(dir).catch(() => [] as string[]);
			const mine = all.filter((d) => d === name || d.startsWith(`${name}-mrview-`));
			let total = 0;
			for (const d of mine) total += await sum(path.join(dir, d));
			return total;
		})();
		cache.set(name, { at: Date.now(), bytes });
		return bytes;
	};
}

/** The cookie-signing secret, made once per DATA_DIR and kept private (mode 0600). */
async function sessionSecret(dataDir: string): Promise<string> {
	const file = path.join(dataDir, 'session-secret');
	try {
		return (await readFile(file, 'utf8')).trim();
	} catch {
		const secret = randomBytes(32).toString('hex');
		await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
		return secret;
	}
}

function listen(server: Server, port: number): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
}
