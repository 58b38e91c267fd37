/**
 * `/readyz`: ready to serve users when the database answers, provisioning is in place and
 * the workers of this process run. (The server only listens after provisioning, so a
 * missing registry means someone removed it.) Workers run elsewhere when `WORKERS=off`;
 * that process answers its own `/readyz`.
 */
import type { ServerScope } from 'nano';
import type { WorkerStatus } from './workers/workspace-workers';

export interface Readiness {
	ready: boolean;
	checks: { database: string; provisioned: string; workers: string };
}

const TIMEOUT_MS = 2000;

/** `ok`, what is wrong with the workers, or that they run in another process (null). */
export function workersCheck(statuses: WorkerStatus[] | null): string {
	if (statuses === null) return 'separate process';
	const stopped = statuses.filter((s) => !s.running).map((s) => s.name);
	return stopped.length ? `not running: ${stopped.join(', ')}` : 'ok';
}

export async function checkReadiness(
	upstream: string,
	couch: ServerScope,
	workers: () => WorkerStatus[] | null = () => null
): Promise<Readiness> {
	const checks = { database: 'ok', provisioned: 'ok', workers: workersCheck(workers()) };
	try {
		const res = await fetch(`${upstream}/`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
		if (!res.ok) checks.database = `answered ${res.status}`;
	} catch (err) {
		checks.database = `unreachable: ${err instanceof Error ? err.message : String(err)}`;
	}
	if (checks.database === 'ok') {
		try {
			await couch.db.get('tf-registry');
		} catch (err) {
			checks.provisioned = `registry missing: ${err instanceof Error ? err.message : String(err)}`;
		}
	} else {
		checks.provisioned = 'unknown';
	}
	const workersOk = checks.workers === 'ok' || checks.workers === 'separate process';
	return {
		ready: checks.database === 'ok' && checks.provisioned === 'ok' && workersOk,
		checks
	};
}
