import { afterEach, describe, expect, it } from 'vitest';
import { droppingPeer } from '../../../tests/support/dropping-peer';
import { fetchUpstream } from './upstream-fetch';

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((c) => c()));

describe('fetchUpstream', () => {
	for (const closeWith of ['end', 'reset'] as const) {
		it(`sends a read again when its kept-alive connection was dropped (${closeWith})`, async () => {
			const peer = await droppingPeer(closeWith);
			cleanup.push(peer.close);
			for (let i = 0; i < 6; i++) {
				const res = await fetchUpstream(peer.url);
				expect(await res.json()).toEqual({ ok: true });
			}
			// fetch spreads requests over a few connections; each dropped one was sent again.
			expect(peer.drops()).toBeGreaterThan(0);
			expect(peer.requests()).toBe(6 + peer.drops());
		});
	}

	it('does not repeat a write unless told it is safe', async () => {
		const peer = await droppingPeer('reset');
		cleanup.push(peer.close);
		const post = (repeatable: boolean) =>
			fetchUpstream(peer.url, { method: 'POST', body: '{}', repeatable }).then(
				async (r) => (await r.json(), 'ok'),
				(e: Error) => e.message
			);
		const writes = [];
		for (let i = 0; i < 6; i++) writes.push(await post(false));
		expect(writes).toContain('fetch failed');
		const signIns = [];
		for (let i = 0; i < 6; i++) signIns.push(await post(true));
		expect(signIns).toEqual(Array(6).fill('ok'));
	});
});
