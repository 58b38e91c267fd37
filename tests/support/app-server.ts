/**
 * Starts the production server (`node build/server.js`) for tests: on a free loopback port,
 * with its own DATA_DIR (embedded database) or in front of COUCHDB_URL when that is set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';

export const SERVER_ENTRY = 'build/server.js';
const HEALTH_TIMEOUT_MS = 45_000;

export interface AppServer {
	readonly baseUrl: string;
	readonly dataDir: string;
	/** True when the server runs its embedded database (no COUCHDB_URL). */
	readonly embedded: boolean;
	/** The last 50 KB of the server's output. */
	log(): string;
	/** The last 400 unusual lines of the whole run (errors, 4xx/5xx, not request logs). */
	unusual(): string[];
	/** SIGTERM, then SIGKILL after 5 s. Removes the data dir unless `keepData`. */
	stop(opts?: { keepData?: boolean }): Promise<void>;
	/** True once the process has exited. */
	exited(): boolean;
	/** The exit code once the process has exited by itself (null while running or if killed). */
	exitCode(): number | null;
	/** Kill without warning (a crash, a power cut), keeping the data. */
	crash(): Promise<void>;
}

export interface ServerAccess {
	couchUrl: string;
	admin: { user: string; password: string };
}

/** Start the server; `dataDir` defaults to a fresh temporary directory. */
export async function startAppServer(
	opts: { dataDir?: string; prefix?: string; port?: number; env?: Record<string, string> } = {}
): Promise<AppServer> {
	if (!existsSync(SERVER_ENTRY)) {
		throw new Error(
			`${SERVER_ENTRY} is missing: run \`npm run build\` (or scripts/build-server.js)`
		);
	}
	const dataDir =
		opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), opts.prefix ?? 'taskflow-test-')));
	// A fixed port keeps the origin, e.g. for a service worker across a restart.
	const port = opts.port ?? (await getPort());
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
	Object.assign(env, opts.env);
	const child = spawn(process.execPath, ['--enable-source-maps', SERVER_ENTRY], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	let partial = '';
	const unusual: string[] = [];
	const collect = (d: Buffer) => {
		const text = d.toString();
		output = (output + text).slice(-50_000);
		const lines = (partial + text).split('\n');
		partial = lines.pop() ?? '';
		for (const line of lines) if (line.trim() && !isQuietLine(line)) unusual.push(line);
		if (unusual.length > 400) unusual.splice(0, unusual.length - 400);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);

	const server: AppServer = {
		baseUrl: `http://127.0.0.1:${port}`,
		dataDir,
		embedded: !env.COUCHDB_URL,
		log: () => output,
		unusual: () => [...unusual],
		exited: () => child.exitCode !== null || child.signalCode !== null,
		exitCode: () => child.exitCode,
		crash: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGKILL');
			}),
		async stop({ keepData = false } = {}) {
			await stopProcess(child);
			if (!keepData) await rm(dataDir, { recursive: true, force: true });
		}
	};
	try {
		await waitForHealth(server);
	} catch (err) {
		console.error(`--- server log (${dataDir}) ---\n${output.slice(-20_000)}`);
		await server.stop({ keepData: Boolean(opts.dataDir) });
		throw err;
	}
	return server;
}

/** Admin access to the server's CouchDB: the environment's, or the embedded one's files. */
export async function serverAccess(server: AppServer): Promise<ServerAccess> {
	if (!server.embedded) {
		return {
			couchUrl: process.env.COUCHDB_URL!.replace(/\/+$/, ''),
			admin: { user: process.env.COUCHDB_USER!, password: process.env.COUCHDB_PASSWORD! }
		};
	}
	const read = async <T>(file: string) =>
		JSON.parse(await readFile(path.join(server.dataDir, file), 'utf8')) as T;
	const admin = await read<{ user: string; password: string }>('admin-credentials.json');
	const { url } = await read<{ url: string }>('embedded-couch.json');
	return { couchUrl: url, admin: { user: admin.user, password: admin.password } };
}

async function waitForHealth(server: AppServer): Promise<void> {
	const until = Date.now() + HEALTH_TIMEOUT_MS;
	while (Date.now() < until) {
		if (server.exited()) throw new Error(`${SERVER_ENTRY} exited before it was healthy`);
		try {
			if ((await fetch(`${server.baseUrl}/healthz`)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${SERVER_ENTRY} did not answer /healthz within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

function stopProcess(child: ChildProcess): Promise<void> {
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

/** A request log line for a request that went well (2xx/3xx, or a checkpoint not there yet). */
function isQuietLine(line: string): boolean {
	if (!line.startsWith('{')) return false;
	try {
		const entry = JSON.parse(line) as { status?: unknown; level?: unknown; path?: unknown };
		if (entry.level === 'error') return false;
		// A device that went away during its long poll (a navigation, a closed page): routine.
		if (entry.status === null && String(entry.path).endsWith('/_changes')) return true;
		if (typeof entry.status !== 'number') return false;
		// A replication looking for a checkpoint it has not written yet: routine.
		const missingCheckpoint = entry.status === 404 && String(entry.path).includes('/_local/');
		return entry.status < 400 || missingCheckpoint;
	} catch {
		return false;
	}
}

/**
 * After a failed run: saves the server's output to `test-results/<name>-server.log` and
 * prints only its last unusual lines (errors, 4xx/5xx, anything not a request log), so the
 * test failures above stay in view instead of scrolling away under request logs.
 */
export async function reportServerLog(server: AppServer, name: string): Promise<void> {
	const file = path.join('test-results', `${name}-server.log`);
	await mkdir('test-results', { recursive: true });
	const all = server.unusual();
	await writeFile(
		file,
		`${server.log()}\n--- the run's last ${all.length} unusual lines ---\n${all.join('\n')}\n`
	);
	const unusual = all.slice(-40);
	console.error(
		`--- server log: ${file} (last 50 KB, then the run's unusual lines); the last ${unusual.length} unusual lines ---\n` +
			unusual.join('\n')
	);
}
