import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { appOrigin, clientAddress } from './client-address';

const req = (headers: Record<string, string>, remote = '10.0.0.5') =>
	({ headers, socket: { remoteAddress: remote } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
	it('ignores X-Forwarded-For unless proxies are trusted', () => {
		expect(clientAddress(req({ 'x-forwarded-for': '6.6.6.6' }), 0)).toBe('10.0.0.5');
	});

	it('takes the entry the trusted proxies did not add', () => {
		// A client forging a first entry cannot choose its own address.
		const r = req({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' });
		expect(clientAddress(r, 1)).toBe('203.0.113.9');
		expect(clientAddress(req({ 'x-forwarded-for': '203.0.113.9, 10.0.0.2' }), 2)).toBe(
			'203.0.113.9'
		);
		expect(clientAddress(req({ 'x-forwarded-for': '203.0.113.9' }), 3)).toBe('203.0.113.9');
		expect(clientAddress(req({}), 1)).toBe('10.0.0.5');
	});
});

describe('appOrigin', () => {
	it('prefers the configured origin', () => {
		expect(appOrigin(req({ host: 'evil' }), 1, 'https://tasks.example.org')).toBe(
			'https://tasks.example.org'
		);
	});

	it('builds it from the Host header, or from a trusted proxy', () => {
		expect(appOrigin(req({ host: 'app:3000' }), 0, null)).toBe('http://app:3000');
		const proxied = req({
			host: 'app:3000',
			'x-forwarded-proto': 'https',
			'x-forwarded-host': 'tasks.example.org'
		});
		expect(appOrigin(proxied, 0, null)).toBe('http://app:3000');
		expect(appOrigin(proxied, 1, null)).toBe('https://tasks.example.org');
	});
});
