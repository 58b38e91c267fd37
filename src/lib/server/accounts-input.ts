/** Request bodies of the accounts API, validated with zod into per-field messages. */
import { z } from 'zod';
import { text, userName } from '../domain/schemas/common.schema';

export const PASSWORD_MIN = 8;

export const setupInput = z.object({
	name: userName,
	password: z
		.string()
		.min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`)
		.max(256, 'at most 256 characters'),
	workspaceName: text(100)
});
export type SetupInput = z.infer<typeof setupInput>;

export const workspaceInput = z.object({ name: text(100) });
export type WorkspaceInput = z.infer<typeof workspaceInput>;

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
