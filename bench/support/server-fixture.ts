/**
 * The bench's own server: `build/server.js` on a free port with a temporary DATA_DIR, its
 * owner account, and workspaces seeded through the `/db/` door as that owner.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { startAppServer, type AppServer } from '../../tests/support/app-server';

export const OWNER = { name: 'bench.owner', password: 'bench-password-long-enough' };

export interface Workspace {
	id: string;
	db: string;
	name: string;
}

export interface BenchServer {
	app: AppServer;
	cookie: string;
	/** The first workspace, made by setup. */
	main: Workspace;
	door(path: string): string;
	/** fetch as the owner (session cookie), JSON in and out. */
	request(method: string, path: string, json?: unknown): Promise<Response>;
	createWorkspace(name: string): Promise<Workspace>;
	/** Writes `docs` with `_bulk_docs` through the door; returns documents per second. */
	seed(db: string, docs: object[], batch?: number): Promise<number>;
	/** Resident memory of the server process and its children, in MB. */
	rssMb(): number;
	/**
	 * Waits until each of the server's background workers has seen at least `changes` changes
	 * and caught up; resolves to the seconds waited.
	 */
	workersCaughtUp(changes: number, timeoutMs?: number): Promise<number>;
	stop(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
	const app = await startAppServer({ prefix: 'taskflow-bench-' });
	try {
		const setup = await fetch(`${app.baseUrl}/api/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...OWNER, workspaceName: 'Bench workspace' })
		});
		if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
		const { workspace } = (await setup.json()) as { workspace: Workspace };
		const cookie = await login(app.baseUrl);
		return fixture(app, cookie, workspace);
	} catch (err) {
		await app.stop();
		throw err;
	}
}

async function login(baseUrl: string): Promise<string> {
	const res = await fetch(`${baseUrl}/db/_session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: OWNER.name, password: OWNER.password })
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('AuthSession='));
	if (!res.ok || !cookie) throw new Error(`login: ${res.status}`);
	return cookie.split(';')[0]!;
}

function fixture(app: AppServer, firstCookie: string, main: Workspace): BenchServer {
	let cookie = firstCookie;
	const send = (method: string, path: string, json?: unknown) =>
		fetch(`${app.baseUrl}${path}`, {
			method,
			headers: { cookie, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
			body: json === undefined ? undefined : JSON.stringify(json)
		});
	// A full run outlasts CouchDB's session (10 minutes by default): sign in again when it ends.
	const request = async (method: string, path: string, json?: unknown) => {
		const res = await send(method, path, json);
		if (res.status !== 401) return res;
		cookie = await login(app.baseUrl);
		return send(method, path, json);
	};
	return {
		app,
		get cookie() {
			return cookie;
		},
		main,
		door: (path) => `${app.baseUrl}/db${path}`,
		request,
		async createWorkspace(name) {
			const res = await request('POST', '/api/workspaces', { name });
			if (res.status !== 201) throw new Error(`workspace: ${res.status} ${await res.text()}`);
			return (await res.json()) as Workspace;
		},
		async seed(db, docs, batch = 500) {
			const started = performance.now();
			for (let i = 0; i < docs.length; i += batch) {
				const res = await request('POST', `/db/${db}/_bulk_docs`, {
					docs: docs.slice(i, i + batch)
				});
				const body = (await res.json()) as { error?: string; reason?: string }[];
				const failed = Array.isArray(body) ? body.find((r) => r.error) : body;
				if (!res.ok || failed) {
					throw new Error(`seeding ${db}: ${res.status} ${JSON.stringify(failed)}`);
				}
			}
			return docs.length / ((performance.now() - started) / 1000);
		},
		rssMb: () => serverRssMb(),
		async workersCaughtUp(changes, timeoutMs = 15 * 60_000) {
			const started = performance.now();
			for (;;) {
				const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
				const flags = [...text.matchAll(/^taskflow_worker_caught_up\{worker="\w+"\} (\d)$/gm)];
				const seen = [...text.matchAll(/^taskflow_worker_changes_seen\{worker="\w+"\} (\d+)$/gm)];
				const done =
					flags.length > 0 &&
					flags.every((m) => m[1] === '1') &&
					seen.every((m) => Number(m[1]) >= changes);
				if (done) return (performance.now() - started) / 1000;
				if (performance.now() - started > timeoutMs) throw new Error('workers did not catch up');
				await new Promise((r) => setTimeout(r, 500));
			}
		},
		stop: () => app.stop()
	};
}

/** Our child `build/server.js` (found by parent pid, never by name alone) and its children. */
function serverRssMb(): number {
	const parents = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		const pid = Number(entry);
		if (!pid) continue;
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			parents.set(ppid, [...(parents.get(ppid) ?? []), pid]);
		} catch {
			// The process ended while we looked.
		}
	}
	const isServer = (pid: number) => {
		try {
			return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('build/server.js');
		} catch {
			return false;
		}
	};
	const tree = (parents.get(process.pid) ?? []).filter(isServer);
	for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
	let kb = 0;
	for (const pid of tree) {
		try {
			const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			kb += Number(m?.[1] ?? 0);
		} catch {
			// Gone.
		}
	}
	return kb / 1024;
}
