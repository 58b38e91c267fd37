import { describe, expect, it } from 'vitest';
import { rewriteSetCookie } from './cookie-attributes';

describe('rewriteSetCookie', () => {
	it('makes the session cookie HttpOnly, SameSite=Lax and path-wide', () => {
		expect(rewriteSetCookie('AuthSession=abc; Version=1; Path=/; HttpOnly', false)).toBe(
			'AuthSession=abc; Version=1; Path=/; HttpOnly; SameSite=Lax'
		);
	});

	it('replaces a weaker SameSite and a domain, and adds Secure over https', () => {
		const out = rewriteSetCookie(
			'AuthSession=x; Max-Age=600; SameSite=None; Domain=evil.example',
			true
		);
		expect(out).toBe('AuthSession=x; Max-Age=600; Path=/; HttpOnly; SameSite=Lax; Secure');
	});
});
