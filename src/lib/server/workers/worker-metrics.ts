/**
 * Prometheus figures of the workers, read from their status when `/metrics` is scraped:
 * how far behind each is (changes known to be waiting), whether it has caught up, what it
 * has seen and written, and its errors.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import type { WorkerStatus } from './workspace-workers';

export class WorkerMetrics {
	readonly snapshotsWritten: Counter;
	readonly notificationsWritten: Counter<'kind'>;

	constructor(registry: Registry, statuses: () => WorkerStatus[]) {
		const perWorker = (name: string, help: string, value: (s: WorkerStatus) => number): Gauge =>
			new Gauge({
				name,
				help,
				labelNames: ['worker'],
				registers: [registry],
				collect() {
					this.reset();
					for (const s of statuses()) this.set({ worker: s.name }, value(s));
				}
			});
		perWorker(
			'taskflow_worker_lag_changes',
			'Changes waiting to be handled, summed over workspace databases',
			(s) => s.pending
		);
		perWorker(
			'taskflow_worker_caught_up',
			'1 when the worker has handled every change it has seen',
			(s) => (s.caughtUp ? 1 : 0)
		);
		perWorker(
			'taskflow_worker_databases',
			'Workspace databases the worker follows',
			(s) => s.databases
		);
		perWorker(
			'taskflow_worker_changes_seen',
			'Changes handled since the process started',
			(s) => s.changesSeen
		);
		perWorker(
			'taskflow_worker_errors',
			'Failed requests or batches since the process started (each is retried)',
			(s) => s.errors
		);
		this.notificationsWritten = new Counter({
			name: 'taskflow_notifications_written_total',
			help: 'Notification documents written into users’ databases, by kind',
			labelNames: ['kind'],
			registers: [registry]
		});
		this.snapshotsWritten = new Counter({
			name: 'taskflow_analytics_snapshots_written_total',
			help: 'Daily project snapshot documents written or updated',
			registers: [registry]
		});
	}
}
