/**
 * Entry point of `node build/server.js`: config → database (embedded unless COUCHDB_URL)
 * → provisioning → HTTP. Exits non-zero with a readable message when startup fails.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminClient, provisionServer, waitForCouch } from '../../../couchdb/provision';
import { ensureAdminCredentials } from './admin-credentials';
import { createAppServer, createTaskflowRoutes, loadUiHandler } from './app-server';
import { loadConfig } from './config';
import { startEmbeddedCouch, type EmbeddedCouch } from './embedded-couch';

const info = (msg: string, extra: object = {}) =>
	console.log(JSON.stringify({ level: 'info', msg, ...extra }));

async function main(): Promise<void> {
	const config = loadConfig();
	const admin = await ensureAdminCredentials(config);
	let embedded: EmbeddedCouch | null = null;
	if (!config.couchUrl) {
		embedded = await startEmbeddedCouch({
			dataDir: config.dataDir,
			admin,
			port: config.embeddedCouchPort
		});
		info('embedded database started', { url: embedded.url, dataDir: config.dataDir });
	}
	const upstream = config.couchUrl ?? embedded!.url;
	await waitForCouch(upstream);
	const couch = adminClient(upstream, admin);
	await provisionServer(couch);

	// build/server.js sits next to build/handler.js.
	const buildDir = path.dirname(fileURLToPath(import.meta.url));
	const ui = await loadUiHandler(buildDir);
	const routes = createTaskflowRoutes({ upstream, couch });
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
		// Live _changes requests never end on their own; close them once in-flight ones drain.
		server.close(() => {
			routes.close();
			const done = embedded ? embedded.close() : Promise.resolve();
			void done.finally(() => process.exit(0));
		});
		server.closeIdleConnections();
		setTimeout(() => server.closeAllConnections(), 2000).unref();
		setTimeout(() => process.exit(0), 5000).unref();
	};
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
	console.error(`TaskFlow failed to start: ${err instanceof Error ? err.message : String(err)}`);
	process.exit(1);
});
