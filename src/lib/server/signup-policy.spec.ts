import { describe, expect, it } from 'vitest';
import { isSignupPolicy, signupAllowed } from './signup-policy';

describe('signupAllowed', () => {
	it.each([
		['open', false, true],
		['open', true, true],
		['invite-only', true, true],
		['invite-only', false, false],
		['owner-creates', true, false],
		['owner-creates', false, false]
	] as const)('%s with invite=%s → %s', (policy, invite, ok) => {
		expect(signupAllowed(policy, invite).ok).toBe(ok);
	});

	it('says why a sign-up is refused', () => {
		expect(signupAllowed('invite-only', false)).toEqual({
			ok: false,
			reason: 'Sign-up needs an invite link from a workspace admin.'
		});
	});

	it('knows the policies', () => {
		expect(isSignupPolicy('open')).toBe(true);
		expect(isSignupPolicy('closed')).toBe(false);
		expect(isSignupPolicy(null)).toBe(false);
	});
});
