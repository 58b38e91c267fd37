/**
 * `_users` documents as TaskFlow reads and changes them, always as the server admin.
 * Workspace roles do not live here (see `workspace-members.ts`): CouchDB applies changes to
 * `_users` a moment after the write, so nothing that must take effect at once may.
 */
import type { ServerScope } from 'nano';
import { statusOf } from '../../../couchdb/provision';

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

/** The role on the account of whoever set the server up: they manage sign-up and accounts. */
export const SERVER_OWNER_ROLE = 'tf.owner';

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
