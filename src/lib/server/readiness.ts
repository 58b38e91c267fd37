/**
 * `/readyz`: ready to serve users when the database answers and provisioning is in place.
 * (The server only listens after provisioning, so a missing registry means someone removed
 * it.) Workers will add their own checks when they exist.
 */
import type { ServerScope } from 'nano';

export interface Readiness {
	ready: boolean;
	checks: { database: string; provisioned: string };
}

const TIMEOUT_MS = 2000;

export async function checkReadiness(upstream: string, couch: ServerScope): Promise<Readiness> {
	const checks = { database: 'ok', provisioned: 'ok' };
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
	return { ready: checks.database === 'ok' && checks.provisioned === 'ok', checks };
}
