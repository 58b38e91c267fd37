/**
 * Where team-wide reads (time report, team week, analytics) run. When this device is caught
 * up with the server (online, sync idle, nothing pending) its copy holds the same documents,
 * and its views answer without a round trip — measured faster than the server's (bench
 * scenario 9: warm dashboard 1.8 s on the device, 6 s through the embedded server on 6k
 * docs). While it is still catching up, the server has the newer data, so reads go there;
 * offline, or if the server cannot answer, they run here and the UI says so.
 */
import type { Db } from './pouch';
import type { WorkspaceSession } from './workspace-session.svelte';

/** `synced`: this device, caught up with the server; `device`: this device, maybe behind. */
export type ReadSource = 'server' | 'synced' | 'device';

/** Where `readBest` reads first right now (it reads the sync state, so effects track it). */
export function bestSource(s: WorkspaceSession): ReadSource {
	const st = s.sync.state;
	if (!s.sync.online) return 'device';
	return st.phase === 'idle' && st.pending === 0 ? 'synced' : 'server';
}

export async function readBest<T>(
	s: WorkspaceSession,
	read: (db: Db) => Promise<T>
): Promise<{ value: T; source: ReadSource }> {
	const best = bestSource(s);
	if (best === 'synced') {
		return { value: await read(s.db), source: 'synced' };
	}
	if (best === 'server') {
		try {
			return { value: await read(s.sync.remote), source: 'server' };
		} catch {
			// The server could not answer (it went away, or the session ended): use this device.
		}
	}
	return { value: await read(s.db), source: 'device' };
}

/** Rates of the workspace's projects, as the totals and the export need them. */
export function projectRates(s: WorkspaceSession) {
	return {
		projectRate: (id: string) => s.projects.get(id)?.rate ?? null,
		memberRate: (id: string, user: string) => s.projects.get(id)?.memberRates?.[user] ?? null
	};
}
