/** Request bodies of the accounts API, validated with zod into per-field messages. */
import { z } from 'zod';
import { text, userName } from '../domain/schemas/common.schema';
import { INVITE_MAX_HOURS, INVITE_MIN_HOURS } from './invite-token';
import { SIGNUP_POLICIES } from './signup-policy';

export const PASSWORD_MIN = 8;

const password = z
	.string()
	.min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`)
	.max(256, 'at most 256 characters');

export const setupInput = z.object({ name: userName, password, workspaceName: text(100) });
export type SetupInput = z.infer<typeof setupInput>;

/** A new workspace; `forImport` opens it for restoring an export (backup-routes.ts). */
export const workspaceInput = z.object({ name: text(100), forImport: z.boolean().optional() });
export type WorkspaceInput = z.infer<typeof workspaceInput>;

/** Self-service sign-up; `invite` is the token of an invite link. */
export const signupInput = z.object({
	name: userName,
	password,
	invite: z.string().max(64).optional()
});
export type SignupInput = z.infer<typeof signupInput>;

/** The owner creating an account for someone. */
export const accountInput = z.object({ name: userName, password });

export const policyInput = z.object({ signup: z.enum(SIGNUP_POLICIES) });

export const inviteInput = z.object({
	role: z.enum(['admin', 'member', 'viewer']),
	hours: z.number().int().min(INVITE_MIN_HOURS).max(INVITE_MAX_HOURS)
});

export const roleInput = z.object({ role: z.enum(['owner', 'admin', 'member', 'viewer']) });

export const passwordInput = z.object({ current: z.string().min(1).max(256), next: password });

/** A 400 body: `{error, reason, fields}` with the first message per field. */
export interface BadRequest {
	error: 'bad_request';
	reason: string;
	fields: Record<string, string>;
}

/** Parses `body` or returns the 400 body describing every invalid field. */
export function parseInput<T>(
	schema: z.ZodType<T>,
	body: unknown
): { ok: true; value: T } | { ok: false; bad: BadRequest } {
	const parsed = schema.safeParse(body);
	if (parsed.success) return { ok: true, value: parsed.data };
	const fields: Record<string, string> = {};
	for (const issue of parsed.error.issues) {
		const key = issue.path.length ? issue.path.map(String).join('.') : '(body)';
		// zod's own wording for a missing or mistyped field is noisy for a form.
		fields[key] ??= issue.code === 'invalid_type' ? 'required' : issue.message;
	}
	return {
		ok: false,
		bad: { error: 'bad_request', reason: 'invalid input', fields }
	};
}
