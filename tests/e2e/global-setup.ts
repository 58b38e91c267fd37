/**
 * Starts the production server (built beforehand by `npm run build` in the `test:e2e`
 * script) for the browser tests. Tests read its address with `inject('baseUrl')`.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { reportServerLog, serverAccess, startAppServer } from '../support/app-server';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The app server, e.g. `http://127.0.0.1:41234`; the door is `${baseUrl}/db`. */
		baseUrl: string;
		/** The upstream CouchDB, for admin-side fixtures only (e.g. server-written snapshots). */
		couchUrl: string;
		admin: { user: string; password: string };
	}
}

export default async function setup(project: TestProject) {
	if (!existsSync('build/handler.js')) {
		throw new Error('build/handler.js is missing: run `npm run test:e2e`, which builds first');
	}
	const server = await startAppServer({ prefix: 'taskflow-e2e-' });
	project.provide('baseUrl', server.baseUrl);
	const { couchUrl, admin } = await serverAccess(server);
	project.provide('couchUrl', couchUrl);
	project.provide('admin', admin);

	return async () => {
		// The server's log explains most browser-side failures (401s, sync errors), so show it.
		if (project.vitest.state.getCountOfFailedTests() > 0 || server.exited()) {
			await reportServerLog(server, 'e2e');
		}
		await server.stop();
	};
}
