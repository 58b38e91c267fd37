/**
 * Behind a reverse proxy (TRUST_PROXY=1), sign-in throttling counts failures per real
 * client, from the address the proxy appends to X-Forwarded-For; a client cannot choose its
 * own address by sending the header itself. Runs its own server so that the addresses it
 * blocks block nobody else.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server';

describe('behind a proxy', () => {
	let server: AppServer | null = null;
	afterAll(() => server?.stop());

	it('throttles sign-ins per client address that the proxy reports', async () => {
		server = await startAppServer({ prefix: 'taskflow-proxy-', env: { TRUST_PROXY: '1' } });
		const signIn = (forwarded: string, name: string) =>
			fetch(`${server!.baseUrl}/db/_session`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded },
				body: JSON.stringify({ name, password: 'wrong password' })
			});
		// Thirty failures from one client, each for a different account name.
		for (let i = 0; i < 30; i++) {
			// A forged first entry is ignored: the proxy's own entry is the last one.
			expect((await signIn(`10.9.9.${i}, 198.51.100.7`, `nobody-${i}`)).status).toBe(401);
		}
		const blocked = await signIn('198.51.100.7', 'nobody-else');
		expect(blocked.status).toBe(429);
		expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(((await blocked.json()) as { reason: string }).reason).toMatch(/network address/);
		// Another client behind the same proxy signs in as usual.
		expect((await signIn('198.51.100.8', 'nobody-else')).status).toBe(401);
	});
});
