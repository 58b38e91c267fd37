import { once } from 'node:events';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { droppingPeer } from '../../../../tests/support/dropping-peer';
import { Upstream } from './door-upstream';

/** The door's side: a front server forwarding every request with `upstream`. */
async function front(upstream: Upstream, method: string, body: string | null) {
	const server = http.createServer((req, res) => {
		void upstream.forward(req, res, {
			method,
			path: '/db/doc',
			query: '',
			cookie: null,
			body,
			feed: null,
			attachment: null
		});
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((c) => c()));

describe('Upstream.forward', () => {
	for (const closeWith of ['end', 'reset'] as const) {
		for (const [method, body] of [
			['GET', null],
			['POST', '{"docs":[]}']
		] as const) {
			it(`sends a ${method} again when a kept-alive connection was dropped (${closeWith})`, async () => {
				const peer = await droppingPeer(closeWith);
				const upstream = new Upstream(peer.url, { secureCookies: false, maxFeeds: 4 });
				const door = await front(upstream, method, body);
				cleanup.push(
					peer.close,
					() => door.server.close(),
					() => upstream.close()
				);
				for (let i = 0; i < 3; i++) {
					const res = await fetch(door.url, { method: 'POST', body: '' });
					expect(res.status, `request ${i + 1}`).toBe(200);
					expect(await res.json()).toEqual({ ok: true });
				}
				// Two dropped attempts, each sent once more on a fresh connection.
				expect(peer.requests()).toBe(5);
			});
		}
	}

	it('answers 502 when a fresh connection fails too, without trying forever', async () => {
		const dead = net.createServer((socket) => socket.resetAndDestroy());
		dead.listen(0, '127.0.0.1');
		await once(dead, 'listening');
		const upstream = new Upstream(`http://127.0.0.1:${(dead.address() as AddressInfo).port}`, {
			secureCookies: false,
			maxFeeds: 4
		});
		const door = await front(upstream, 'GET', null);
		cleanup.push(
			() => dead.close(),
			() => door.server.close(),
			() => upstream.close()
		);
		const res = await fetch(door.url);
		expect(res.status).toBe(502);
		expect(((await res.json()) as { reason: string }).reason).toMatch(/database unreachable/);
	});
});
