/**
 * Starts the production server (`node build/server.js`, built beforehand by `npm run build`
 * in the `test:e2e` script) on a free port with a fresh DATA_DIR, or in front of
 * COUCHDB_URL when that is set. Tests read its address with `inject('baseUrl')`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The app server, e.g. `http://127.0.0.1:41234`; the door is `${baseUrl}/db`. */
		baseUrl: string;
	}
}

const SERVER = 'build/server.js';
const HEALTH_TIMEOUT_MS = 30_000;

export default async function setup(project: TestProject) {
	if (!existsSync(SERVER) || !existsSync('build/handler.js')) {
		throw new Error(
			`${SERVER} and build/handler.js are needed: run the e2e tests with ` +
				'`npm run test:e2e`, which runs `npm run build` first'
		);
	}

	const dataDir = await mkdtemp(path.join(tmpdir(), 'taskflow-e2e-'));
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
	const child = spawn(process.execPath, ['--enable-source-maps', SERVER], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	const collect = (d: Buffer) => (log = (log + d.toString()).slice(-50_000));
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const dumpLog = () => console.error(`--- server log (${dataDir}) ---\n${log.slice(-20_000)}`);

	const baseUrl = `http://127.0.0.1:${port}`;
	try {
		await waitForHealth(baseUrl, child);
	} catch (err) {
		dumpLog();
		await stop(child);
		await rm(dataDir, { recursive: true, force: true });
		throw err;
	}
	project.provide('baseUrl', baseUrl);

	return async () => {
		// The server's log explains most browser-side failures (401s, sync errors), so show it.
		if (project.vitest.state.getCountOfFailedTests() > 0 || child.exitCode !== null) dumpLog();
		await stop(child);
		await rm(dataDir, { recursive: true, force: true });
	};
}

/** Polls `/healthz` until it answers 200, failing fast if the server process exits. */
async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
	const until = Date.now() + HEALTH_TIMEOUT_MS;
	while (Date.now() < until) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(
				`${SERVER} exited (${child.exitCode ?? child.signalCode}) before it was healthy`
			);
		}
		try {
			if ((await fetch(`${baseUrl}/healthz`)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(
		`${SERVER} did not answer ${baseUrl}/healthz within ${HEALTH_TIMEOUT_MS / 1000} s`
	);
}

/** SIGTERM, then SIGKILL if the server has not exited within 5 s. */
function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
		child.once('exit', () => {
			clearTimeout(kill);
			resolve();
		});
		child.kill('SIGTERM');
	});
}
