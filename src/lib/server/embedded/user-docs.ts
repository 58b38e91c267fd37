/**
 * `_users` documents as the embedded server stores them: the shape CouchDB requires, and a
 * `password` never stored, only its hash (passwords.ts). Only the server admin writes here.
 */
import { badRequest, forbidden } from './http-kit';
import { hashPassword } from './passwords';

const PREFIX = 'org.couchdb.user:';

/** Checks a user document and replaces a plain `password` with its hash. */
export async function prepareUserDoc(
	doc: Record<string, unknown>,
	iterations: number
): Promise<Record<string, unknown>> {
	const id = doc._id as string;
	if (id.startsWith('_design/') || doc._deleted === true) return doc;
	if (!id.startsWith(PREFIX)) {
		throw forbidden('doc.type must be user and _id org.couchdb.user:<name>');
	}
	if (doc.type !== 'user') throw forbidden('doc.type must be user');
	if (typeof doc.name !== 'string' || `${PREFIX}${doc.name}` !== id) {
		throw forbidden('Doc ID must be of the form org.couchdb.user:name');
	}
	if (!Array.isArray(doc.roles) || !doc.roles.every((r) => typeof r === 'string')) {
		throw forbidden('doc.roles must be an array of strings');
	}
	if (doc.roles.some((r) => r.startsWith('_'))) {
		throw forbidden('No system roles (starting with underscore) in users db.');
	}
	if (doc.password === undefined) return doc;
	if (typeof doc.password !== 'string' || doc.password.length === 0) {
		throw badRequest('password must be a non-empty string');
	}
	const { password, ...rest } = doc;
	return { ...rest, ...(await hashPassword(password, iterations)) };
}
