/**
 * `npm run dev`: mounts the same `/db` door and `/api` on Vite's dev server, with the
 * embedded database (or COUCHDB_URL) started the same way as in production.
 */
import type { Plugin } from 'vite';

/** The Vite plugin; active for `vite dev` only (not builds, not Vitest). */
export function taskflowDevServer(): Plugin {
	return {
		name: 'taskflow-dev-server',
		apply: (_config, env) => env.command === 'serve' && env.mode !== 'test' && !process.env.VITEST,
		async configureServer(server) {
			// Imported lazily so that loading vite.config.ts stays light for builds and tests.
			const { loadConfig } = await import('./config');
			const { ensureAdminCredentials } = await import('./admin-credentials');
			const { startEmbeddedCouch } = await import('./embedded/embedded-couch');
			const { createTaskflowRoutes } = await import('./app-server');
			const { adminClient, provisionServer, waitForCouch } =
				await import('../../../couchdb/provision');

			const config = loadConfig();
			const admin = await ensureAdminCredentials(config);
			const embedded = config.couchUrl
				? null
				: await startEmbeddedCouch({
						dataDir: config.dataDir,
						admin,
						port: config.embeddedCouchPort,
						sessionSeconds: config.sessionSeconds
					});
			const upstream = config.couchUrl ?? embedded!.url;
			await waitForCouch(upstream);
			const couch = adminClient(upstream, admin);
			await provisionServer(couch);
			const routes = createTaskflowRoutes({
				upstream,
				couch,
				trustedHops: config.trustProxy,
				origin: config.origin
			});
			// Before Vite's own middlewares, so SvelteKit never sees /db or /api.
			server.middlewares.use((req, res, next) => {
				if (!routes.handle(req, res)) next();
			});
			server.httpServer?.once('close', () => {
				routes.close();
				void embedded?.close();
			});
		}
	};
}
