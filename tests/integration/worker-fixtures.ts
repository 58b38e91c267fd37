/**
 * Shared by the worker tests: an admin `nano` client for the upstream CouchDB, a poller for
 * conditions a worker makes true, and a runner that follows only the test's workspace (the
 * app server runs its own workers over every workspace meanwhile, as a second instance).
 */
import nano from 'nano';
import { inject } from 'vitest';
import {
	WorkspaceWorkers,
	type WorkspaceWorker
} from '../../src/lib/server/workers/workspace-workers';

export function adminCouch(): nano.ServerScope {
	const admin = inject('admin');
	const url = new URL(inject('couchUrl'));
	url.username = admin.user;
	url.password = admin.password;
	return nano(url.toString().replace(/\/$/, ''));
}

/** Polls `check` until it returns something other than null/false (or fails after `ms`). */
export async function eventually<T>(
	check: () => Promise<T | null | false>,
	ms = 15_000
): Promise<T> {
	const until = Date.now() + ms;
	for (;;) {
		const v = await check();
		if (v !== null && v !== false) return v;
		if (Date.now() > until) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** Starts `worker` over workspace database `db` only; ticks are left to the test. */
export async function startTestWorker(
	couch: nano.ServerScope,
	worker: WorkspaceWorker,
	db: string
): Promise<WorkspaceWorkers> {
	const runner = new WorkspaceWorkers({
		couch,
		worker,
		filter: (name) => name === db,
		longpollMs: 1000,
		tickMs: 3_600_000
	});
	await runner.start();
	return runner;
}
