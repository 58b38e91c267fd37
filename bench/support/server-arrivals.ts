/**
 * When each document reached the server: the bench process long-polls a database's
 * `_changes` through the door and notes `Date.now()` per document id as it appears. Scenario
 * 7 uses it to split "write on A → card on B" into the leg to the server and the leg from it.
 */
import type { BenchServer } from './server-fixture';

export interface Arrivals {
	/** `Date.now()` at which each document was first seen on the server, by its title. */
	readonly seen: Map<string, number>;
	stop(): Promise<void>;
}

export async function followArrivals(server: BenchServer, db: string): Promise<Arrivals> {
	const seen = new Map<string, number>();
	const info = (await (await server.request('GET', `/db/${db}`)).json()) as { update_seq: string };
	let since = info.update_seq;
	let stopped = false;
	const abort = new AbortController();
	const loop = (async () => {
		while (!stopped) {
			const query = `feed=longpoll&timeout=10000&include_docs=true&since=${encodeURIComponent(since)}`;
			try {
				const res = await fetch(server.door(`/${db}/_changes?${query}`), {
					headers: { cookie: server.cookie },
					signal: abort.signal
				});
				const body = (await res.json()) as {
					results: { doc?: { title?: unknown } }[];
					last_seq: string;
				};
				const now = Date.now();
				for (const { doc } of body.results) {
					if (typeof doc?.title === 'string' && !seen.has(doc.title)) seen.set(doc.title, now);
				}
				since = body.last_seq;
			} catch (err) {
				if (stopped) return;
				throw err;
			}
		}
	})();
	return {
		seen,
		async stop() {
			stopped = true;
			abort.abort();
			await loop.catch(() => undefined);
		}
	};
}
