/**
 * The set of background workers a TaskFlow server runs (in the web process by default, or
 * alone via build/workers.js): analytics snapshots and reminders. Started after provisioning;
 * `stop()` lets each finish its batch in hand and store its checkpoint.
 */
import type { ServerScope } from 'nano';
import type { Registry } from 'prom-client';
import { AnalyticsWorker } from './analytics-worker';
import { RemindersWorker } from './reminders-worker';
import { WorkerMetrics } from './worker-metrics';
import { WorkspaceWorkers, type WorkerStatus } from './workspace-workers';

type Log = (level: 'info' | 'warn' | 'error', msg: string, extra?: object) => void;

export interface ServerWorkers {
	start(): Promise<void>;
	stop(): Promise<void>;
	status(): WorkerStatus[];
}

export function createServerWorkers(opts: {
	couch: ServerScope;
	registry: Registry;
	log: Log;
	now?: () => Date;
}): ServerWorkers {
	const runners: WorkspaceWorkers[] = [];
	const metrics = new WorkerMetrics(opts.registry, () => runners.map((r) => r.status()));
	const analytics = new AnalyticsWorker({
		couch: opts.couch,
		now: opts.now,
		onWritten: (n) => metrics.snapshotsWritten.inc(n),
		onError: (err) =>
			opts.log('warn', 'analytics worker: snapshot refresh failed, will retry', {
				error: err instanceof Error ? err.message : String(err)
			})
	});
	const reminders = new RemindersWorker({
		couch: opts.couch,
		now: opts.now,
		onWritten: (kind, n) => metrics.notificationsWritten.inc({ kind }, n),
		onError: (err) =>
			opts.log('warn', 'reminders worker: due check failed, will retry', {
				error: err instanceof Error ? err.message : String(err)
			})
	});
	runners.push(
		new WorkspaceWorkers({ couch: opts.couch, worker: analytics, log: opts.log }),
		new WorkspaceWorkers({ couch: opts.couch, worker: reminders, log: opts.log, tickMs: 30_000 })
	);
	return {
		async start() {
			await Promise.all(runners.map((r) => r.start()));
			opts.log('info', 'workers started', { workers: runners.map((r) => r.name) });
		},
		async stop() {
			await Promise.all(runners.map((r) => r.stop()));
			opts.log('info', 'workers stopped with checkpoints saved');
		},
		status: () => runners.map((r) => r.status())
	};
}
