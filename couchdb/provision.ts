/**
 * Server setup with nano, as a server admin: system databases, the server-side registry,
 * and per-workspace and per-user databases with their `_security` and design documents.
 * Every function is idempotent, so it runs on each start and from `build/setup.js`.
 */
import nano, { type DocumentScope, type ServerScope } from 'nano';
import { workspaceDbName, userDbName } from '../src/lib/domain/ids';
import { userDesignDoc } from '../design-docs/user.ddoc';
import { usersIndexDesignDoc } from '../design-docs/users-index.ddoc';
import { workspaceDesignDoc, type DesignDoc } from '../design-docs/workspace.ddoc';

/** Server-side registry of workspaces and setup state; never reachable through the door. */
export const REGISTRY_DB = 'tf-registry';
/** Single-node CouchDB needs `_users`; the others silence its startup errors. */
export const SYSTEM_DBS = ['_users', '_replicator', '_global_changes'];

/** The three roles of a workspace, as stored in `_users` and `_security`. */
export const workspaceRoles = (id: string) => ({
	admin: `ws.${id}.admin`,
	member: `ws.${id}.member`,
	viewer: `ws.${id}.viewer`
});

/** A registry entry for one workspace (`_id` is `workspace:<id>`). */
export interface WorkspaceEntry {
	_id: `workspace:${string}`;
	_rev?: string;
	type: 'workspace';
	name: string;
	createdBy: string;
	createdAt: string;
}

/** A nano client authenticated as the server admin. */
export function adminClient(url: string, admin: { user: string; password: string }): ServerScope {
	const basic = Buffer.from(`${admin.user}:${admin.password}`).toString('base64');
	return nano({ url, headers: { Authorization: `Basic ${basic}` } });
}

/** nano errors carry the HTTP status. */
export const statusOf = (err: unknown): number | undefined =>
	(err as { statusCode?: number } | null)?.statusCode;

/** Polls `GET /` until the server answers, or throws after `timeoutMs`. */
export async function waitForCouch(url: string, timeoutMs = 60_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	let last = 'no answer';
	while (Date.now() < until) {
		try {
			const res = await fetch(`${url}/`);
			if (res.ok) return;
			last = `HTTP ${res.status}`;
		} catch (err) {
			last = (err as Error).message;
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`CouchDB at ${url} did not come up within ${timeoutMs} ms (${last})`);
}

/** Creates a database unless it exists. */
export async function ensureDb(couch: ServerScope, name: string): Promise<void> {
	try {
		await couch.db.create(name);
	} catch (err) {
		if (statusOf(err) !== 412) throw err;
	}
}

async function putSecurity(couch: ServerScope, db: string, members: object): Promise<void> {
	// Only server admins administer TaskFlow databases: a database admin could write design
	// documents and so replace the validator.
	const security = { admins: { names: [], roles: ['_admin'] }, members };
	await couch.request({ db, path: '_security', method: 'PUT', body: security });
}

/** Writes design documents whose content differs from what is stored. */
export async function deployDesignDocs(db: DocumentScope<unknown>, docs: DesignDoc[]) {
	for (const doc of docs) {
		let current: Record<string, unknown> | null = null;
		try {
			current = (await db.get(doc._id)) as unknown as Record<string, unknown>;
		} catch (err) {
			if (statusOf(err) !== 404) throw err;
		}
		if (current) {
			const { _rev, ...content } = current;
			if (JSON.stringify(sortKeys(content)) === JSON.stringify(sortKeys(doc))) continue;
			await db.insert({ ...doc, _rev } as never);
		} else {
			await db.insert(doc);
		}
	}
}

const sortKeys = (o: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Creates or updates one workspace database: `_security` and design documents. */
export async function provisionWorkspace(couch: ServerScope, id: string): Promise<string> {
	const name = workspaceDbName(id);
	await ensureDb(couch, name);
	const roles = workspaceRoles(id);
	await putSecurity(couch, name, { names: [], roles: [roles.admin, roles.member, roles.viewer] });
	await deployDesignDocs(couch.use(name), [workspaceDesignDoc()]);
	return name;
}

/**
 * Creates a user's private database, readable and writable by that user only, with the
 * validator that keeps it to preferences and server-written notifications.
 */
export async function provisionUserDb(couch: ServerScope, userName: string): Promise<string> {
	const name = userDbName(userName);
	await ensureDb(couch, name);
	await putSecurity(couch, name, { names: [userName], roles: [] });
	await deployDesignDocs(couch.use(name), [userDesignDoc()]);
	return name;
}

/** Every account name in `_users`. */
export async function listUserNames(couch: ServerScope): Promise<string[]> {
	const prefix = 'org.couchdb.user:';
	const res = await couch.use('_users').list({ startkey: prefix, endkey: `${prefix}\ufff0` });
	return res.rows.map((r) => r.id.slice(prefix.length));
}

/** Every workspace the registry knows. */
export async function listWorkspaces(couch: ServerScope): Promise<WorkspaceEntry[]> {
	const res = await couch.use<WorkspaceEntry>(REGISTRY_DB).list({
		startkey: 'workspace:',
		endkey: 'workspace:\ufff0',
		include_docs: true
	});
	return res.rows.flatMap((r) => (r.doc ? [r.doc] : []));
}

/**
 * Server-wide setup: system databases, the role index in `_users`, the registry (server
 * admins only), and the current design documents in every workspace and user database.
 */
export async function provisionServer(couch: ServerScope): Promise<void> {
	for (const db of SYSTEM_DBS) await ensureDb(couch, db);
	await deployDesignDocs(couch.use('_users'), [usersIndexDesignDoc()]);
	await ensureDb(couch, REGISTRY_DB);
	await putSecurity(couch, REGISTRY_DB, { names: [], roles: ['_admin'] });
	for (const ws of await listWorkspaces(couch)) {
		await provisionWorkspace(couch, ws._id.slice('workspace:'.length));
	}
	// Accounts made before private databases had validators (or by hand) get theirs here.
	for (const user of await listUserNames(couch)) await provisionUserDb(couch, user);
}
