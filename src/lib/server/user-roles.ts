/**
 * Workspace roles as stored on `_users` documents (`ws.<id>.admin|member|viewer`), read and
 * changed only by the server admin. CouchDB reads a user's roles on every request, so a
 * change here takes effect on that user's very next request, existing sessions included.
 */
import type { ServerScope } from 'nano';
import { statusOf } from '../../../couchdb/provision';

export type WorkspaceRole = 'admin' | 'member' | 'viewer';
export const WORKSPACE_ROLES: readonly WorkspaceRole[] = ['admin', 'member', 'viewer'];
/** The role that marks the owner who set the server up. */
export const OWNER_ROLE = 'tf.owner';
export const ROLE_PATTERN = /^ws\.([0-9a-z]+)\.(admin|member|viewer)$/;

/** A `_users` document as far as TaskFlow reads it. */
export interface UserDoc {
	_id: string;
	_rev?: string;
	type: 'user';
	name: string;
	roles: string[];
	password?: string;
	[field: string]: unknown;
}

export const userDocId = (name: string) => `org.couchdb.user:${name}`;

/** The strongest role `roles` grant in workspace `ws`, or null. */
export function roleIn(roles: readonly string[], ws: string): WorkspaceRole | null {
	for (const role of WORKSPACE_ROLES) if (roles.includes(`ws.${ws}.${role}`)) return role;
	return null;
}

/** `roles` with every role of workspace `ws` replaced by `role` (or removed when null). */
export function withWorkspaceRole(
	roles: readonly string[],
	ws: string,
	role: WorkspaceRole | null
): string[] {
	const others = roles.filter((r) => ROLE_PATTERN.exec(r)?.[1] !== ws);
	return role ? [...others, `ws.${ws}.${role}`] : others;
}

/** Reads a user document, or null when there is none. */
export async function getUser(couch: ServerScope, name: string): Promise<UserDoc | null> {
	try {
		return (await couch.use('_users').get(userDocId(name))) as unknown as UserDoc;
	} catch (err) {
		if (statusOf(err) === 404) return null;
		throw err;
	}
}

/**
 * Applies `change` to a user document and saves it, re-reading and re-applying when a
 * concurrent edit wins. `change` returns null to leave the document as it is.
 */
export async function updateUser(
	couch: ServerScope,
	name: string,
	change: (doc: UserDoc) => UserDoc | null
): Promise<UserDoc | null> {
	for (let attempt = 0; ; attempt++) {
		const doc = await getUser(couch, name);
		if (!doc) return null;
		const next = change(doc);
		if (!next) return doc;
		try {
			await couch.use('_users').insert(next);
			return next;
		} catch (err) {
			if (statusOf(err) !== 409 || attempt >= 4) throw err;
		}
	}
}
