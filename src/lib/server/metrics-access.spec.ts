import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { metricsAllowed } from './metrics-access';

const req = (remote: string, headers: Record<string, string> = {}) =>
	({ headers, socket: { remoteAddress: remote } }) as unknown as IncomingMessage;

describe('metricsAllowed', () => {
	it('without a token: loopback callers only, and none through a proxy', () => {
		expect(metricsAllowed(req('127.0.0.1'), null)).toBe(true);
		expect(metricsAllowed(req('::1'), null)).toBe(true);
		expect(metricsAllowed(req('203.0.113.5'), null)).toBe(false);
		expect(metricsAllowed(req('127.0.0.1', { 'x-forwarded-for': '203.0.113.5' }), null)).toBe(
			false
		);
	});

	it('with a token: whoever presents it, nobody else', () => {
		const token = 'a-long-metrics-token-1234';
		expect(metricsAllowed(req('203.0.113.5', { authorization: `Bearer ${token}` }), token)).toBe(
			true
		);
		expect(metricsAllowed(req('127.0.0.1'), token)).toBe(false);
		expect(metricsAllowed(req('127.0.0.1', { authorization: 'Bearer nope' }), token)).toBe(false);
	});
});
