/**
 * Team-wide time reads go to the server's views when this device is fully in sync with it
 * (online, idle, nothing pending), so they include everyone's latest entries; otherwise they
 * run on this device's copy and the UI says so.
 */
import type { Db } from '$lib/db/pouch';
import type { WorkspaceSession } from '$lib/db/workspace-session.svelte';

export type TimeSource = 'server' | 'device';

export async function readBest<T>(
	s: WorkspaceSession,
	read: (db: Db) => Promise<T>
): Promise<{ value: T; source: TimeSource }> {
	const st = s.sync.state;
	if (s.sync.online && st.phase === 'idle' && st.pending === 0) {
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
