/**
 * Building blocks shared by the document schemas. These schemas are the single source of
 * truth for what a valid document is: the UI validates with them, and the server's
 * `validate_doc_update` is generated from their JSON Schema (see design-docs/).
 */
import { z } from 'zod';
import { HLC_PATTERN } from '../hlc';
import { ULID_PATTERN } from '../ids';

/** CouchDB user names as TaskFlow accepts them at sign-up. */
export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{1,31}$';
export const userName = z.string().regex(new RegExp(USERNAME_PATTERN), 'invalid user name');

export const isoDateTime = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/, 'invalid time');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid date (YYYY-MM-DD)');

export const projectIdSchema = z.string().regex(new RegExp(`^project:${ULID_PATTERN}$`));
export const taskIdSchema = z.string().regex(new RegExp(`^task:${ULID_PATTERN}$`));
export const hlcSchema = z.string().regex(new RegExp(HLC_PATTERN));

/** Non-blank text of at most `max` characters. */
export const text = (max: number) =>
	z.string().min(1, 'required').max(max, `at most ${max} characters`).regex(/\S/, 'required');

/** Fields every TaskFlow document carries. `_rev` and other `_` fields are CouchDB's. */
export const baseDoc = {
	_rev: z.string().optional(),
	createdBy: userName,
	createdAt: isoDateTime,
	updatedAt: isoDateTime
};
