/**
 * Entry point of `node build/workers.js`: the background workers on their own, for
 * docker-compose (run the app with `WORKERS=off`). Needs `COUCHDB_URL` and the admin
 * credentials; answers `/healthz`, `/readyz` and `/metrics` on `WORKERS_PORT`. On SIGTERM
 * it stops taking new batches, finishes the one in hand and stores its checkpoints.
 */
import { createServer } from 'node:http';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { adminClient, waitForCouch } from '../../../couchdb/provision';
import { ensureAdminCredentials } from './admin-credentials';
import { loadConfig } from './config';
import { sendJson } from './http-json';
import { metricsAllowed } from './metrics-access';
import { checkReadiness } from './readiness';
import { createServerWorkers } from './workers/server-workers';

const log = (level: 'info' | 'warn' | 'error', msg: string, extra: object = {}) =>
	console.log(JSON.stringify({ time: new Date().toISOString(), level, msg, ...extra }));

async function main(): Promise<void> {
	const config = loadConfig();
	if (!config.couchUrl) {
		throw new Error(
			'set COUCHDB_URL (with COUCHDB_USER and COUCHDB_PASSWORD): the embedded database ' +
				'lives inside the app process, whose workers run there by default'
		);
	}
	const admin = await ensureAdminCredentials(config);
	await waitForCouch(config.couchUrl);
	const couch = adminClient(config.couchUrl, admin);
	const registry = new Registry();
	collectDefaultMetrics({ register: registry, prefix: 'taskflow_' });
	const workers = createServerWorkers({ couch, registry, log });
	await workers.start();

	const upstream = config.couchUrl;
	const server = createServer((req, res) => {
		const p = (req.url ?? '/').split('?')[0];
		if (p === '/healthz') sendJson(res, 200, { ok: true });
		else if (p === '/readyz') {
			void checkReadiness(upstream, couch, () => workers.status()).then((r) =>
				sendJson(res, r.ready ? 200 : 503, { ok: r.ready, checks: r.checks })
			);
		} else if (p === '/metrics' && !metricsAllowed(req, config.metricsToken)) {
			sendJson(res, 404, { error: 'not_found' });
		} else if (p === '/metrics') {
			void registry.metrics().then((text) => {
				res.writeHead(200, { 'content-type': registry.contentType });
				res.end(text);
			});
		} else sendJson(res, 404, { error: 'not_found' });
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.workersPort, config.host, resolve);
	});
	log('info', 'TaskFlow workers running', { port: config.workersPort });

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		log('info', 'shutting down', { signal });
		server.close();
		setTimeout(() => process.exit(0), 10_000).unref();
		void workers.stop().finally(() => process.exit(0));
	};
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
	console.error(
		`TaskFlow workers failed to start: ${err instanceof Error ? err.message : String(err)}`
	);
	process.exit(1);
});
