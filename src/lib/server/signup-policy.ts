/**
 * Who may create an account, as the owner chose: anyone (`open`), only people holding a
 * valid invite link (`invite-only`, the default: a fresh server is closed to strangers), or
 * nobody but the owner (`owner-creates`). Pure, so the decision table is unit-tested.
 */
export const SIGNUP_POLICIES = ['open', 'invite-only', 'owner-creates'] as const;
export type SignupPolicy = (typeof SIGNUP_POLICIES)[number];
export const DEFAULT_SIGNUP_POLICY: SignupPolicy = 'invite-only';

/** Registry document holding the policy. */
export const POLICY_DOC = 'policy';

/** Whether a self-service sign-up may go ahead; the reason when it may not. */
export function signupAllowed(
	policy: SignupPolicy,
	withInvite: boolean
): { ok: true } | { ok: false; reason: string } {
	if (policy === 'open') return { ok: true };
	if (policy === 'invite-only') {
		return withInvite
			? { ok: true }
			: { ok: false, reason: 'Sign-up needs an invite link from a workspace admin.' };
	}
	return { ok: false, reason: 'Accounts are created by the owner of this server.' };
}

export const isSignupPolicy = (p: unknown): p is SignupPolicy =>
	typeof p === 'string' && (SIGNUP_POLICIES as readonly string[]).includes(p);
