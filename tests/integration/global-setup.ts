/**
 * Builds the server bundle and starts `node build/server.js` on a free port with a fresh
 * DATA_DIR (embedded database), or in front of COUCHDB_URL when that is set. Tests get
 * the base URL and admin access through `inject()`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import getPort from 'get-port';
import type { TestProject } from 'vitest/node';

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

	const dataDir = await mkdtemp(path.join(tmpdir(), 'taskflow-it-'));
	const port = await getPort();
	const env: NodeJS.ProcessEnv = {
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		PORT: String(port),
		HOST: '127.0.0.1',
		DATA_DIR: dataDir
	};
	for (const key of ['COUCHDB_URL', 'COUCHDB_USER', 'COUCHDB_PASSWORD'] as const) {
		if (process.env[key]) env[key] = process.env[key];
	}
	// The entry is passed by environment, not argv: other people's tooling on shared machines
	// stops stray `build/server.js` processes by name, and must not stop this one mid-run.
	env.TF_TEST_SERVER_ENTRY = pathToFileURL(path.resolve('build/server.js')).href;
	const loader = 'await import(process.env.TF_TEST_SERVER_ENTRY)';
	const child = spawn(
		process.execPath,
		['--enable-source-maps', '--input-type=module', '-e', loader],
		{
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let log = '';
	child.stdout.on('data', (d: Buffer) => (log += d.toString()));
	child.stderr.on('data', (d: Buffer) => (log += d.toString()));
	const dumpLog = () => console.error(`--- server log (${dataDir}) ---\n${log.slice(-20_000)}`);

	const baseUrl = `http://127.0.0.1:${port}`;
	try {
		await waitForHealth(baseUrl, child);
	} catch (err) {
		dumpLog();
		child.kill('SIGKILL');
		throw err;
	}

	const external = Boolean(env.COUCHDB_URL);
	const admin = external
		? { user: env.COUCHDB_USER!, password: env.COUCHDB_PASSWORD! }
		: (JSON.parse(await readFile(path.join(dataDir, 'admin-credentials.json'), 'utf8')) as {
				user: string;
				password: string;
			});
	const couchUrl = external
		? env.COUCHDB_URL!.replace(/\/+$/, '')
		: (
				JSON.parse(await readFile(path.join(dataDir, 'embedded-couch.json'), 'utf8')) as {
					url: string;
				}
			).url;

	project.provide('baseUrl', baseUrl);
	project.provide('couchUrl', couchUrl);
	project.provide('admin', admin);
	project.provide('embedded', !external);

	return async () => {
		if (project.vitest.state.getCountOfFailedTests() > 0 || child.exitCode !== null) dumpLog();
		await stop(child);
		await rm(dataDir, { recursive: true, force: true });
	};
}

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
	const until = Date.now() + 45_000;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${baseUrl}/healthz`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('server did not become healthy within 45 s');
}

function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
		child.once('exit', () => {
			clearTimeout(kill);
			resolve();
		});
		child.kill('SIGTERM');
	});
}
