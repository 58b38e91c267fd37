import { describe, expect, it } from 'vitest';
import { blockedMessage, LoginLimiter } from './login-limiter';

const opts = { windowMs: 60_000, maxPerAccount: 3, maxPerAddress: 5 };

function limiter() {
	let now = 1_000_000;
	const l = new LoginLimiter(opts, () => now);
	return { l, advance: (ms: number) => (now += ms) };
}

describe('LoginLimiter', () => {
	it('blocks an account after its limit of failures, then reopens with the window', () => {
		const { l, advance } = limiter();
		for (let i = 0; i < 3; i++) {
			expect(l.check('ann', '10.0.0.1')).toBeNull();
			l.fail('ann', '10.0.0.1');
			advance(1000);
		}
		expect(l.check('ann', '10.0.0.9')).toEqual({ scope: 'account', retryAfterSeconds: 57 });
		expect(l.check('bob', '10.0.0.9')).toBeNull();
		advance(57_000);
		expect(l.check('ann', '10.0.0.9')).toBeNull();
	});

	it('blocks an address that fails across many accounts', () => {
		const { l } = limiter();
		for (let i = 0; i < 5; i++) l.fail(`user${i}`, '10.0.0.2');
		expect(l.check('someone-new', '10.0.0.2')?.scope).toBe('address');
		expect(l.check(null, '10.0.0.2')?.scope).toBe('address');
		expect(l.check('someone-new', '10.0.0.3')).toBeNull();
	});

	it('forgets account failures on success but keeps the address count', () => {
		const { l } = limiter();
		l.fail('ann', 'a');
		l.fail('ann', 'a');
		l.succeed('ann');
		l.fail('ann', 'a');
		l.fail('ann', 'a');
		expect(l.check('ann', 'b')).toBeNull();
		l.fail('ann', 'a');
		expect(l.check('ann', 'b')?.scope).toBe('account');
		expect(l.check('zed', 'a')?.scope).toBe('address');
	});

	it('stays bounded under a flood of distinct names', () => {
		let now = 0;
		const l = new LoginLimiter({ ...opts, maxKeys: 100 }, () => now);
		for (let i = 0; i < 1000; i++) {
			now += 1;
			l.fail(`u${i}`, `ip${i}`);
		}
		expect(l.check('u999', 'x')).toBeNull();
		l.fail('u999', 'x');
		l.fail('u999', 'x');
		expect(l.check('u999', 'y')?.scope).toBe('account');
	});

	it('explains the wait in words and seconds', () => {
		expect(blockedMessage({ scope: 'account', retryAfterSeconds: 301 })).toEqual({
			error: 'too_many_requests',
			reason: 'Too many failed sign-ins for this account. Try again in 6 minutes.',
			retryAfter: 301
		});
		expect(blockedMessage({ scope: 'address', retryAfterSeconds: 20 }).reason).toMatch(
			/network address.*a minute/
		);
	});
});
