/**
 * Builds the server bundle and starts the server for the integration tests; tests get the
 * base URL and admin access to its CouchDB (embedded or COUCHDB_URL) through `inject()`.
 */
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { reportServerLog, serverAccess, startAppServer } from '../support/app-server';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The app server, e.g. `http://127.0.0.1:41234`; the door is `${baseUrl}/db`. */
		baseUrl: string;
		/** The upstream CouchDB (embedded or COUCHDB_URL), for admin-side fixtures only. */
		couchUrl: string;
		admin: { user: string; password: string };
		/** True when running against the embedded server rather than a real CouchDB. */
		embedded: boolean;
	}
}

export default async function setup(project: TestProject) {
	const built = spawnSync(process.execPath, ['scripts/build-server.js'], { stdio: 'inherit' });
	if (built.status !== 0) throw new Error('scripts/build-server.js failed');
	const model = spawnSync(process.execPath, ['scripts/models/build-glove-encoder.js'], {
		stdio: 'inherit'
	});
	if (model.status !== 0) throw new Error('scripts/models/build-glove-encoder.js failed');

	// Background workers off here: their own tests run them against this server, and one
	// test starts a second app server with the default (workers on) to check that wiring.
	// Other tests should not pay for them (they follow every change of every workspace).
	const server = await startAppServer({ prefix: 'taskflow-it-', env: { WORKERS: 'off' } });
	const { couchUrl, admin } = await serverAccess(server);
	project.provide('baseUrl', server.baseUrl);
	project.provide('couchUrl', couchUrl);
	project.provide('admin', admin);
	project.provide('embedded', server.embedded);

	return async () => {
		if (project.vitest.state.getCountOfFailedTests() > 0 || server.exited()) {
			await reportServerLog(server, 'integration');
		}
		await server.stop();
	};
}
