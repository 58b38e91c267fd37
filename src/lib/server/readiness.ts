/**
 * `/readyz`: ready to serve users when the database answers, provisioning is in place and
 * the workers of this process run. (The server only listens after provisioning, so a
 * missing registry means someone removed it.) Workers run elsewhere when `WORKERS=off`;
 * that process answers its own `/readyz`.
 */
import type { ServerScope } from 'nano';
import { REGISTRY_DB } from '../../../couchdb/provision';
import type { WorkerStatus } from './workers/workspace-workers';

export interface Readiness {
	ready: boolean;
	checks: { database: string; provisioned: string; workers: string; door?: string };
}

const TIMEOUT_MS = 2000;

/** `ok`, what is wrong with the workers, or that they run in another process (null). */
export function workersCheck(statuses: WorkerStatus[] | null): string {
	if (statuses === null) return 'separate process';
	const stopped = statuses.filter((s) => !s.running).map((s) => s.name);
	return stopped.length ? `not running: ${stopped.join(', ')}` : 'ok';
}

/**
 * `selfUrl`: this server's own address; then `/db/_session` is asked for over HTTP, the way
 * a browser's request goes (door, session check, database), and must answer as CouchDB does.
 */
export async function checkReadiness(
	upstream: string,
	couch: ServerScope,
	workers: () => WorkerStatus[] | null = () => null,
	selfUrl?: string
): Promise<Readiness> {
	const checks: Readiness['checks'] = {
		database: 'ok',
		provisioned: 'ok',
		workers: workersCheck(workers())
	};
	if (selfUrl) checks.door = await doorCheck(selfUrl);
	try {
		const res = await fetch(`${upstream}/`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
		if (!res.ok) checks.database = `answered ${res.status}`;
	} catch (err) {
		checks.database = `unreachable: ${err instanceof Error ? err.message : String(err)}`;
	}
	if (checks.database === 'ok') {
		try {
			await couch.db.get(REGISTRY_DB);
		} catch (err) {
			checks.provisioned = `registry missing: ${err instanceof Error ? err.message : String(err)}`;
		}
	} else {
		checks.provisioned = 'unknown';
	}
	const workersOk = checks.workers === 'ok' || checks.workers === 'separate process';
	const doorOk = checks.door === undefined || checks.door === 'ok';
	return {
		ready: checks.database === 'ok' && checks.provisioned === 'ok' && workersOk && doorOk,
		checks
	};
}

async function doorCheck(selfUrl: string): Promise<string> {
	try {
		const res = await fetch(`${selfUrl}/db/_session`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
		if (!res.ok) return `answered ${res.status}`;
		const body = (await res.json()) as { userCtx?: unknown };
		return body.userCtx ? 'ok' : 'answered without a session';
	} catch (err) {
		return `unreachable: ${err instanceof Error ? err.message : String(err)}`;
	}
}
