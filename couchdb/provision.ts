/**
 * Server setup with nano, as a server admin: system databases, the server-side registry,
 * and per-workspace and per-user databases with their `_security` and design documents.
 * Every function is idempotent, so it runs on each start and from `build/setup.js`.
 */
import nano, { type DocumentScope, type ServerScope } from 'nano';
import { workspaceDbName, userDbName } from '../src/lib/domain/ids';
import { registryDesignDoc } from '../design-docs/registry.ddoc';
import { userDesignDoc } from '../design-docs/user.ddoc';
import { workspaceDesignDoc, type DesignDoc } from '../design-docs/workspace.ddoc';
import {
	atLeast,
	securityObject,
	type Members,
	type WorkspaceRole
} from '../src/lib/server/membership-rules';

/**
 * Server-side registry of workspaces and setup state; never reachable through the door.
 * `TASKFLOW_REGISTRY_DB` names another one (`tf-registry-<suffix>`), so that several
 * TaskFlow installations can share one CouchDB (workspace and private database names are
 * unique already), and tests can start from a fresh setup on a shared one.
 */
export const REGISTRY_DB = registryDbName(process.env.TASKFLOW_REGISTRY_DB);

function registryDbName(configured: string | undefined): string {
	if (!configured) return 'tf-registry';
	if (!/^tf-registry-[a-z0-9_-]{1,40}$/.test(configured)) {
		throw new Error('TASKFLOW_REGISTRY_DB must look like tf-registry-<a-z, 0-9, _ or ->');
	}
	return configured;
}
/** Single-node CouchDB needs `_users`; the others silence its startup errors. */
export const SYSTEM_DBS = ['_users', '_replicator', '_global_changes'];

/** A registry entry for one workspace (`_id` is `workspace:<id>`). */
export interface WorkspaceEntry {
	_id: `workspace:${string}`;
	_rev?: string;
	type: 'workspace';
	name: string;
	createdBy: string;
	createdAt: string;
	/** Who belongs, with their role: the authority the door and `_security` follow. */
	members?: Record<string, WorkspaceRole>;
	/** Open while an export is restored into this new workspace (see backup-routes.ts). */
	importing?: { by: string; until: string };
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

async function putSecurity(couch: ServerScope, db: string, security: object): Promise<void> {
	await couch.request({ db, path: '_security', method: 'PUT', body: security });
}

/** Writes a workspace database's `_security` for its member list (see membership-rules). */
export async function putWorkspaceSecurity(
	couch: ServerScope,
	id: string,
	members: Members
): Promise<void> {
	await putSecurity(couch, workspaceDbName(id), securityObject(members));
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

/** Creates or updates one workspace database: `_security` for `members`, design documents. */
export async function provisionWorkspace(
	couch: ServerScope,
	id: string,
	members: Members
): Promise<string> {
	const name = workspaceDbName(id);
	await ensureDb(couch, name);
	await putWorkspaceSecurity(couch, id, members);
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
	await putSecurity(couch, name, {
		admins: { names: [], roles: ['_admin'] },
		members: { names: [userName], roles: [] }
	});
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
	await ensureDb(couch, REGISTRY_DB);
	const adminsOnly = {
		admins: { names: [], roles: ['_admin'] },
		members: { names: [], roles: ['_admin'] }
	};
	await putSecurity(couch, REGISTRY_DB, adminsOnly);
	await deployDesignDocs(couch.use(REGISTRY_DB), [registryDesignDoc()]);
	const legacy = await legacyRoles(couch);
	for (const ws of await listWorkspaces(couch)) {
		const id = ws._id.slice('workspace:'.length);
		const members = ws.members ?? (await adoptLegacyMembers(couch, ws, legacy.get(id) ?? {}));
		await provisionWorkspace(couch, id, members);
	}
	await dropLegacyRoles(couch, legacy);
	// Accounts made before private databases had validators (or by hand) get theirs here.
	for (const user of await listUserNames(couch)) await provisionUserDb(couch, user);
}

const LEGACY_ROLE = /^ws\.([0-9a-z]+)\.(admin|member|viewer)$/;

/**
 * Workspace roles as versions before member lists kept them, on `_users` documents
 * (`ws.<id>.<role>`): workspace id → name → strongest role.
 */
async function legacyRoles(
	couch: ServerScope
): Promise<Map<string, Record<string, WorkspaceRole>>> {
	const out = new Map<string, Record<string, WorkspaceRole>>();
	const res = await couch.use('_users').list({
		startkey: 'org.couchdb.user:',
		endkey: 'org.couchdb.user:\ufff0',
		include_docs: true
	});
	for (const row of res.rows) {
		const doc = row.doc as { name?: string; roles?: unknown } | undefined;
		if (!doc?.name || !Array.isArray(doc.roles)) continue;
		for (const role of doc.roles) {
			const m = typeof role === 'string' ? LEGACY_ROLE.exec(role) : null;
			if (!m) continue;
			const [, ws, r] = m as unknown as [string, string, WorkspaceRole];
			const list = out.get(ws) ?? {};
			if (!list[doc.name] || atLeast(r, list[doc.name]!)) list[doc.name] = r;
			out.set(ws, list);
		}
	}
	return out;
}

/** Stores a member list on an entry that has none yet; its creator, still an admin, owns it. */
async function adoptLegacyMembers(
	couch: ServerScope,
	entry: WorkspaceEntry,
	legacy: Record<string, WorkspaceRole>
): Promise<Members> {
	const members: Record<string, WorkspaceRole> = { ...legacy };
	if (members[entry.createdBy] === 'admin') members[entry.createdBy] = 'owner';
	await couch.use<WorkspaceEntry>(REGISTRY_DB).insert({ ...entry, members });
	return members;
}

/** Removes `ws.*` roles from accounts once their member lists are stored. */
async function dropLegacyRoles(
	couch: ServerScope,
	legacy: Map<string, Record<string, WorkspaceRole>>
): Promise<void> {
	const names = new Set([...legacy.values()].flatMap((m) => Object.keys(m)));
	for (const name of names) {
		const users = couch.use<{ roles: string[] }>('_users');
		const doc = await users.get(`org.couchdb.user:${name}`);
		const roles = doc.roles.filter((r) => !LEGACY_ROLE.test(r));
		if (roles.length !== doc.roles.length) await users.insert({ ...doc, roles });
	}
}
