/**
 * Entry point of `node build/server.js`: config → database (embedded unless COUCHDB_URL)
 * → provisioning → workers (unless WORKERS=off) → HTTP. Exits non-zero with a readable
 * message when startup fails.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminClient, provisionServer, waitForCouch } from '../../../couchdb/provision';
import { ensureAdminCredentials } from './admin-credentials';
import { createAppServer, createTaskflowRoutes, loadUiHandler } from './app-server';
import { loadConfig } from './config';
import { checkCouchSessionSettings } from './couch-settings';
import { lockDataDir } from './embedded/data-dir-lock';
import type { EmbeddedCouch } from './embedded/embedded-couch';
import { superviseEmbeddedCouch } from './embedded/embedded-supervisor';
import { createServerWorkers, type ServerWorkers } from './workers/server-workers';

const log = (level: 'info' | 'warn' | 'error', msg: string, extra: object = {}) =>
	console.log(JSON.stringify({ time: new Date().toISOString(), level, msg, ...extra }));

/** How long a shutdown waits for requests in flight (a slow upload included). */
const SHUTDOWN_GRACE_MS = 30_000;
const info = (msg: string, extra: object = {}) => log('info', msg, extra);

async function main(): Promise<void> {
	const config = loadConfig();
	const admin = await ensureAdminCredentials(config);
	// build/server.js sits next to build/handler.js and build/embedded.js.
	const buildDir = path.dirname(fileURLToPath(import.meta.url));
	let embedded: EmbeddedCouch | null = null;
	if (!config.couchUrl) {
		// One app per DATA_DIR; its embedded database runs (and is restarted) as a child.
		lockDataDir(config.dataDir);
		embedded = await superviseEmbeddedCouch({
			entry: path.join(buildDir, 'embedded.js'),
			dataDir: config.dataDir,
			admin,
			port: config.embeddedCouchPort,
			sessionSeconds: config.sessionSeconds,
			log
		});
		info('embedded database started', { url: embedded.url, dataDir: config.dataDir });
	}
	const upstream = config.couchUrl ?? embedded!.url;
	await waitForCouch(upstream);
	if (config.couchUrl) await checkCouchSessionSettings(config.couchUrl, admin, log);
	const couch = adminClient(upstream, admin);
	await provisionServer(couch);

	const ui = await loadUiHandler(buildDir);
	let workers: ServerWorkers | null = null;
	const routes = createTaskflowRoutes({
		upstream,
		couch,
		workers: () => workers?.status() ?? null,
		trustedHops: config.trustProxy,
		origin: config.origin,
		metricsToken: config.metricsToken,
		limits: config.limits,
		// Readiness asks the door itself, over HTTP, as a browser would.
		selfUrl: () => `http://${loopbackHost(config.host)}:${config.port}`
	});
	if (config.workers) {
		workers = createServerWorkers({ couch, registry: routes.metrics.registry, log });
		await workers.start();
	}
	const server = createAppServer({ routes, ui });
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, resolve);
	});
	info('TaskFlow listening', { host: config.host, port: config.port, ui: ui !== null });

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		info('shutting down', { signal });
		// New connections are refused; requests in flight (an upload still arriving included)
		// are answered, for up to SHUTDOWN_GRACE_MS; waiting long polls end at once with
		// "nothing new". Workers finish the batch in hand and store their checkpoints before
		// the database goes.
		const workersDone = workers ? workers.stop() : Promise.resolve();
		server.close(() => {
			clearInterval(idle);
			routes.close();
			void workersDone
				.then(() => embedded?.close())
				.finally(() => {
					info('stopped');
					process.exit(0);
				});
		});
		routes.drain();
		// Keep-alive connections go idle once their response is sent: close them as they do.
		const idle = setInterval(() => server.closeIdleConnections(), 200);
		server.closeIdleConnections();
		setTimeout(() => {
			log('warn', 'requests still running at the end of the grace period were cut off');
			server.closeAllConnections();
		}, SHUTDOWN_GRACE_MS).unref();
		setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 5_000).unref();
	};
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));
}

/** An address of this process's own listener that loopback reaches. */
const loopbackHost = (host: string) =>
	host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

main().catch((err: unknown) => {
	console.error(`TaskFlow failed to start: ${err instanceof Error ? err.message : String(err)}`);
	if (process.env.DEBUG_START) console.error(err);
	process.exit(1);
});
