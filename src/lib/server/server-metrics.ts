/**
 * Prometheus metrics at `/metrics` (prom-client): requests and latency by route, proxy
 * errors, devices syncing right now, and the process's own figures (memory, CPU, event
 * loop lag). Workers' lag and notifications will be added with the workers themselves.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export class ServerMetrics {
	readonly registry = new Registry();
	readonly #requests = new Counter({
		name: 'taskflow_http_requests_total',
		help: 'HTTP requests by route, method and status',
		labelNames: ['route', 'method', 'status'],
		registers: [this.registry]
	});
	readonly #duration = new Histogram({
		name: 'taskflow_http_request_duration_seconds',
		help: 'HTTP request duration by route (live _changes requests stay open by design)',
		labelNames: ['route'],
		buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60],
		registers: [this.registry]
	});
	readonly #proxyErrors = new Counter({
		name: 'taskflow_proxy_errors_total',
		help: 'Database requests the proxy could not complete (502/504)',
		registers: [this.registry]
	});
	readonly #syncing = new Gauge({
		name: 'taskflow_sync_connections',
		help: 'Open long-poll or continuous _changes requests: devices syncing now',
		registers: [this.registry]
	});

	constructor() {
		collectDefaultMetrics({ register: this.registry, prefix: 'taskflow_' });
	}

	/** Start observing a request; call the returned function once it has been answered. */
	track(route: string, method: string, url: string): (status: number) => void {
		const live = route === 'db_changes' && /[?&]feed=(longpoll|continuous)/.test(url);
		if (live) this.#syncing.inc();
		const stop = this.#duration.startTimer({ route });
		return (status) => {
			stop();
			if (live) this.#syncing.dec();
			this.#requests.inc({ route, method, status: String(status) });
			if (route.startsWith('db') && (status === 502 || status === 504)) this.#proxyErrors.inc();
		};
	}

	text(): Promise<string> {
		return this.registry.metrics();
	}
}
