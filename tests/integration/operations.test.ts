/**
 * Operations endpoints: /healthz says the process is up, /readyz that it can serve (and
 * stops saying so when the database goes away), /metrics speaks Prometheus, and every
 * response carries a request id.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server';
import { baseUrl } from './helpers';

describe('operations', () => {
	it('answers /healthz and /readyz', async () => {
		expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200);
		const ready = await fetch(`${baseUrl()}/readyz`);
		expect(ready.status).toBe(200);
		expect(await ready.json()).toEqual({
			ok: true,
			checks: { database: 'ok', provisioned: 'ok', workers: 'separate process', door: 'ok' }
		});
	});

	it('gives every response a request id, keeping a sane one from a proxy', async () => {
		const own = await fetch(`${baseUrl()}/healthz`);
		expect(own.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		const given = await fetch(`${baseUrl()}/healthz`, { headers: { 'x-request-id': 'edge-42' } });
		expect(given.headers.get('x-request-id')).toBe('edge-42');
		const bad = await fetch(`${baseUrl()}/healthz`, { headers: { 'x-request-id': 'a b<c>' } });
		expect(bad.headers.get('x-request-id')).not.toBe('a b<c>');
	});

	it('exposes Prometheus metrics by route, without database names', async () => {
		await fetch(`${baseUrl()}/db/_session`);
		const res = await fetch(`${baseUrl()}/metrics`);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
		const text = await res.text();
		expect(text).toMatch(
			/taskflow_http_requests_total\{route="db_session",method="GET",status="200"\} \d+/
		);
		expect(text).toMatch(
			/taskflow_http_request_duration_seconds_bucket\{le="0.1",route="db_session"\}/
		);
		expect(text).toMatch(/^taskflow_sync_connections \d+$/m);
		expect(text).toMatch(/^taskflow_proxy_errors_total \d+$/m);
		expect(text).toMatch(/^taskflow_process_resident_memory_bytes \d+/m);
		expect(text).not.toMatch(/tf-ws-/);
	});

	it('keeps /metrics from callers that come through a proxy (no METRICS_TOKEN set)', async () => {
		const proxied = await fetch(`${baseUrl()}/metrics`, {
			headers: { 'x-forwarded-for': '203.0.113.7' }
		});
		expect(proxied.status).toBe(404);
		expect(await proxied.text()).not.toMatch(/taskflow_/);
	});
});

describe('readiness without a database', () => {
	let server: AppServer | null = null;
	let relay: Server | null = null;
	const sockets = new Set<Socket>();
	afterAll(async () => {
		await server?.stop();
		relay?.close();
	});

	it('says not ready when the database stops answering', async () => {
		// The server under test reaches CouchDB through a relay this test can cut.
		const upstream = new URL(inject('couchUrl'));
		relay = createServer((client) => {
			const target = connect(Number(upstream.port || 80), upstream.hostname);
			sockets.add(client).add(target);
			client.pipe(target).pipe(client);
			const drop = () => (client.destroy(), target.destroy());
			client.on('error', drop).on('close', drop);
			target.on('error', drop).on('close', drop);
		});
		await new Promise<void>((r) => relay!.listen(0, '127.0.0.1', r));
		const port = (relay.address() as { port: number }).port;
		const admin = inject('admin');
		server = await startAppServer({
			env: {
				COUCHDB_URL: `http://127.0.0.1:${port}`,
				COUCHDB_USER: admin.user,
				COUCHDB_PASSWORD: admin.password
			}
		});
		expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);

		relay.close();
		for (const s of sockets) s.destroy();
		const down = await fetch(`${server.baseUrl}/readyz`).catch((err: unknown) => {
			throw new Error(`${String(err)}\n${server!.log().slice(-3000)}`);
		});
		expect(down.status).toBe(503);
		const body = (await down.json()) as { ok: boolean; checks: { database: string } };
		expect(body.ok).toBe(false);
		expect(body.checks.database).toMatch(/^unreachable/);
		expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
	});
});
