/**
 * Entry point of `build/embedded.js`: the embedded database in its own process, started
 * and watched by the app (embedded-supervisor.ts). Whatever goes wrong in here cannot take
 * the app down, and the app starts it again. It ends with its parent: when the IPC channel
 * closes (the app exited, even by SIGKILL), so does it.
 */
import { startEmbeddedCouch } from './embedded-couch';

interface Settings {
	dataDir: string;
	port: number;
	admin: { user: string; password: string };
	sessionSeconds?: number;
}

const log = (level: string, msg: string, extra: object = {}) =>
	console.log(
		JSON.stringify({
			time: new Date().toISOString(),
			level,
			msg,
			component: 'embedded-db',
			...extra
		})
	);

async function main(): Promise<void> {
	const settings = JSON.parse(process.env.TASKFLOW_EMBEDDED ?? 'null') as Settings | null;
	if (!settings || !process.send) throw new Error('build/embedded.js is started by the app');
	// The settings carry the admin password: keep them out of anything that lists the env.
	delete process.env.TASKFLOW_EMBEDDED;
	const couch = await startEmbeddedCouch({
		dataDir: settings.dataDir,
		admin: settings.admin,
		port: settings.port,
		sessionSeconds: settings.sessionSeconds,
		lock: false,
		log: (line) => console.error(line)
	});
	process.send({ type: 'ready', url: couch.url, pid: process.pid });
	let closing = false;
	const stop = () => {
		if (closing) return;
		closing = true;
		setTimeout(() => process.exit(0), 3_000).unref();
		void couch.close().finally(() => process.exit(0));
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	process.on('disconnect', stop);
}

process.on('uncaughtException', (err) => {
	log('error', 'embedded database crashed', { error: err.message });
	process.exit(1);
});

main().catch((err: unknown) => {
	log('error', 'embedded database failed to start', {
		error: err instanceof Error ? err.message : String(err)
	});
	process.exit(1);
});
