/**
 * Runs the embedded database as a child process of the app and starts it again within a
 * second when it dies: a bug that kills it costs every device one failed request, which
 * sync retries, instead of the whole app. The port stays the same across restarts, so the
 * door's upstream address never changes. A database that keeps dying is restarted more
 * slowly, and every exit is logged.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AdminCredentials } from '../admin-credentials';
import type { EmbeddedCouch } from './embedded-couch';

const READY_TIMEOUT_MS = 30_000;
/** First restart after this long; doubled while it keeps dying, up to the maximum. */
const RESTART_MS = 200;
const MAX_RESTART_MS = 10_000;
/** A process that ran this long is healthy again: the next restart is quick. */
const STABLE_MS = 60_000;

export interface SupervisedCouch extends EmbeddedCouch {
	/** How many times it was started again after dying. */
	restarts(): number;
}

export async function superviseEmbeddedCouch(opts: {
	/** `build/embedded.js`. */
	entry: string;
	dataDir: string;
	admin: AdminCredentials;
	port?: number | null;
	/** How long a session lasts without a request. */
	sessionSeconds?: number;
	log: (level: 'info' | 'warn' | 'error', msg: string, extra?: object) => void;
}): Promise<SupervisedCouch> {
	const port = opts.port ?? (await freePort());
	const settings = JSON.stringify({
		dataDir: opts.dataDir,
		port,
		admin: opts.admin,
		sessionSeconds: opts.sessionSeconds
	});
	let child: ChildProcess | null = null;
	let stopping = false;
	let restarts = 0;
	let delay = RESTART_MS;

	function start(): Promise<string> {
		return new Promise((resolve, reject) => {
			const startedAt = Date.now();
			const proc = fork(opts.entry, [], {
				env: { ...process.env, TASKFLOW_EMBEDDED: settings },
				stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
				execArgv: ['--enable-source-maps']
			});
			child = proc;
			const timer = setTimeout(() => {
				proc.kill('SIGKILL');
				reject(new Error(`the embedded database did not start within ${READY_TIMEOUT_MS} ms`));
			}, READY_TIMEOUT_MS);
			proc.on('message', (m: { type?: string; url?: string }) => {
				if (m?.type !== 'ready' || !m.url) return;
				clearTimeout(timer);
				resolve(m.url);
			});
			proc.on('exit', (code, signal) => {
				clearTimeout(timer);
				reject(new Error(`the embedded database exited (${signal ?? code}) while starting`));
				if (stopping || child !== proc) return;
				delay =
					Date.now() - startedAt > STABLE_MS ? RESTART_MS : Math.min(delay * 2, MAX_RESTART_MS);
				opts.log('error', 'embedded database exited; starting it again', {
					code,
					signal,
					inMs: delay
				});
				setTimeout(() => {
					if (stopping) return;
					restarts++;
					start().then(
						() => opts.log('info', 'embedded database running again', { restarts }),
						(err: Error) => opts.log('error', err.message)
					);
				}, delay).unref();
			});
		});
	}

	const url = await start();
	return {
		url,
		restarts: () => restarts,
		close: () =>
			new Promise<void>((resolve) => {
				stopping = true;
				const proc = child;
				if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
				proc.once('exit', () => resolve());
				proc.kill('SIGTERM');
				setTimeout(() => proc.kill('SIGKILL'), 5_000).unref();
			})
	};
}

/** A free loopback port, for the embedded database to keep across its restarts. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}
