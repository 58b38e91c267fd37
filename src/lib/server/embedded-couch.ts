/**
 * The zero-setup database: express-pouchdb (a CouchDB-protocol server) on PouchDB's LevelDB
 * adapter, data under `DATA_DIR/couch/`. It listens on 127.0.0.1 only; browsers reach it
 * through the door (`/db`), never directly.
 */
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { lockDataDir } from './data-dir-lock';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-node';
import type { AdminCredentials } from './admin-credentials';
import { embeddedViews } from './embedded-views';
import { createViewWarmer, type WarmableDb } from './view-warmer';

PouchDB.plugin(embeddedViews);

/** A running embedded server. */
export interface EmbeddedCouch {
	/** Base URL without credentials, e.g. `http://127.0.0.1:41234`. */
	url: string;
	close(): Promise<void>;
}

export const EMBEDDED_COUCH_FILE = 'embedded-couch.json';

/**
 * Starts the embedded server with `admin` as its server admin. The admin is configured
 * before the socket opens, so there is never an admin party to exploit.
 */
export async function startEmbeddedCouch(opts: {
	dataDir: string;
	admin: AdminCredentials;
	port?: number | null;
}): Promise<EmbeddedCouch> {
	const dir = path.join(opts.dataDir, 'couch') + path.sep;
	await mkdir(dir, { recursive: true });
	const unlock = lockDataDir(opts.dataDir);
	// Views catch up 500 changes per step (PouchDB's default is 50): 3,500 → 4,400 docs/s
	// when a view is first built over 30,000 documents.
	const defaults = { prefix: dir, view_update_changes_batch_size: 500 };
	const app = expressPouchDB(PouchDB.defaults(defaults) as unknown as PouchDB.Static, {
		mode: 'fullCouchDB',
		configPath: path.join(dir, 'config.json'),
		logPath: path.join(dir, 'log.txt'),
		// Fauxton would be an admin UI served from node_modules; nobody should reach it.
		overrideMode: { exclude: ['routes/fauxton'] }
	});
	// Indexes are built in the background after writes, as CouchDB 3's `ken` does.
	const warmer = createViewWarmer();
	// CouchDB passes the database name to validate_doc_update as `userCtx.db`; express-pouchdb
	// takes it from `db._db_name`, which PouchDB 9 no longer sets, so restore it.
	app.dbWrapper.registerWrapper((name, db, next) => {
		Object.defineProperty(db, '_db_name', { value: name, configurable: true });
		keepIncomingRevisions(db as { bulkDocs: BulkDocs }, () =>
			warmer.noteWrite(name, db as unknown as WarmableDb)
		);
		return next();
	});
	// Write the config only when it differs: on a restart express-pouchdb re-saves its file
	// itself, and a second concurrent save would race it (both rename one temp file).
	const config = app.couchConfig;
	if (!adminHashMatches(config.get('admins', opts.admin.user), opts.admin.password)) {
		await setConfig(config, 'admins', opts.admin.user, opts.admin.password);
	}
	if (config.get('httpd', 'enable_cors') !== 'false') {
		await setConfig(config, 'httpd', 'enable_cors', 'false');
	}
	// Session cookies are signed with this secret; express-pouchdb would make a new one on
	// every start and sign everybody out. CouchDB keeps its secret in its config: so do we.
	const secret = await sessionSecret(opts.dataDir);
	if (config.get('couch_httpd_auth', 'secret') !== secret) {
		await setConfig(config, 'couch_httpd_auth', 'secret', secret);
	}

	const server = createServer(app);
	await listen(server, opts.port ?? 0);
	const { port } = server.address() as AddressInfo;
	const url = `http://127.0.0.1:${port}`;
	await writeFile(path.join(opts.dataDir, EMBEDDED_COUCH_FILE), JSON.stringify({ url }) + '\n');

	return {
		url,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve()));
				server.closeAllConnections();
			})
				.finally(() => warmer.stop())
				.finally(unlock)
	};
}

type BulkDocs = (docs: unknown, ...rest: unknown[]) => unknown;

/**
 * pouchdb-validation overwrites each incoming document's `_revisions` with the stored
 * document's history before validating. Replicated updates (`_bulk_docs` with
 * `new_edits: false`) then carry a history that does not lead to their `_rev`, and PouchDB
 * silently drops them — a member's offline edits would vanish. This wrapper runs before
 * the validator and pins `_revisions` to what the client sent. It also tells `onWrite`.
 */
function keepIncomingRevisions(db: { bulkDocs: BulkDocs }, onWrite: () => void): void {
	const inner = db.bulkDocs;
	db.bulkDocs = function (this: unknown, docs: unknown, ...rest: unknown[]) {
		onWrite();
		const list = Array.isArray(docs) ? docs : (docs as { docs?: unknown[] } | null)?.docs;
		for (const doc of list ?? []) {
			if (!doc || typeof doc !== 'object' || !('_revisions' in doc)) continue;
			const sent = (doc as { _revisions: unknown })._revisions;
			Object.defineProperty(doc, '_revisions', {
				enumerable: true,
				configurable: true,
				get: () => sent,
				set: () => undefined
			});
		}
		return inner.call(this, docs, ...rest);
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

/**
 * Whether a stored admin entry is the hash of `password`. CouchDB (and express-pouchdb)
 * store `-pbkdf2-<derived key hex>,<salt>,<iterations>` with PBKDF2-SHA1, 20 bytes.
 */
export function adminHashMatches(stored: unknown, password: string): boolean {
	if (typeof stored !== 'string' || !stored.startsWith('-pbkdf2-')) return false;
	const [key, salt, iterations] = stored.slice('-pbkdf2-'.length).split(',');
	if (!key || !salt || !iterations) return false;
	const derived = pbkdf2Sync(password, salt, Number(iterations), 20, 'sha1').toString('hex');
	return derived === key;
}

function setConfig(
	config: { set(s: string, k: string, v: string, cb: (err?: Error | null) => void): void },
	section: string,
	key: string,
	value: string
): Promise<void> {
	return new Promise((resolve, reject) =>
		config.set(section, key, value, (err) => (err ? reject(err) : resolve()))
	);
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
