/**
 * What the accounts API does, as the server admin: first-run setup, workspace creation,
 * and describing the caller. Workspaces and their member lists live in the registry
 * database; the server's owner is the name on its `setup` entry.
 */
import type { ServerScope } from 'nano';
import { newWorkspaceId, userDbName, workspaceDbName } from '../domain/ids';
import {
	provisionUserDb,
	provisionWorkspace,
	REGISTRY_DB,
	statusOf,
	type WorkspaceEntry
} from '../../../couchdb/provision';
import type { SetupInput } from './accounts-input';
import { HttpError } from './http-json';
import type { WorkspaceRole } from './membership-rules';
import { getUser, SERVER_OWNER_ROLE, userDocId } from './user-roles';
import type { MembershipStore } from './workspace-members';

/** A workspace as the API shows it to one user. */
export interface WorkspaceView {
	id: string;
	name: string;
	role: WorkspaceRole;
	db: string;
}

const conflict = (reason: string) => new HttpError(409, 'conflict', reason);

const SETUP_DOC = 'setup';

/** True until the first owner has been created. */
export async function needsSetup(couch: ServerScope): Promise<boolean> {
	try {
		await couch.use(REGISTRY_DB).get(SETUP_DOC);
		return false;
	} catch (err) {
		if (statusOf(err) === 404) return true;
		throw err;
	}
}

/**
 * Creates the owner, their first workspace and their private database. The `setup`
 * registry document is written first, so two racing setups cannot both succeed; it is
 * removed again if the rest fails, so a failed setup can be retried.
 */
export async function setupOwner(couch: ServerScope, input: SetupInput) {
	const registry = couch.use(REGISTRY_DB);
	let claim: { id: string; rev: string };
	try {
		claim = await registry.insert({ _id: SETUP_DOC, owner: input.name, at: now() } as never);
	} catch (err) {
		if (statusOf(err) === 409) throw conflict('setup is already done');
		throw err;
	}
	try {
		const id = newWorkspaceId();
		await couch.use('_users').insert({
			_id: userDocId(input.name),
			type: 'user',
			name: input.name,
			roles: [SERVER_OWNER_ROLE],
			password: input.password
		} as never);
		const workspace = await createWorkspaceRecord(couch, id, input.workspaceName, input.name);
		const userDb = await provisionUserDb(couch, input.name);
		return { name: input.name, workspace, userDb };
	} catch (err) {
		await registry.destroy(SETUP_DOC, claim.rev).catch(() => undefined);
		if (statusOf(err) === 409) throw conflict(`user ${input.name} already exists`);
		throw err;
	}
}

/** How long a workspace made for an import takes imported documents. */
export const IMPORT_WINDOW_MS = 24 * 3600_000;

/**
 * Creates a workspace owned by `user`, open for an import by them when `forImport`, unless
 * they already own `maxOwned` workspaces (0: no limit). Requests racing past the limit
 * together can each make one more: it bounds what one account can take, not exactly.
 */
export async function createWorkspace(
	couch: ServerScope,
	members: MembershipStore,
	user: string,
	name: string,
	opts: { forImport?: boolean; maxOwned?: number } = {}
): Promise<WorkspaceView> {
	const { forImport = false, maxOwned = 0 } = opts;
	try {
		await couch.use('_users').get(userDocId(user));
	} catch (err) {
		if (statusOf(err) === 404) throw new HttpError(403, 'forbidden', `${user} has no account`);
		throw err;
	}
	if (maxOwned > 0) {
		const owned = (await members.workspacesOf(user)).filter((w) => w.role === 'owner').length;
		if (owned >= maxOwned) {
			throw new HttpError(
				403,
				'forbidden',
				`You own ${owned} workspaces, the most this server allows (MAX_WORKSPACES_PER_ACCOUNT). Delete one or hand one on first.`
			);
		}
	}
	const importing = forImport
		? { by: user, until: new Date(Date.now() + IMPORT_WINDOW_MS).toISOString() }
		: undefined;
	return createWorkspaceRecord(couch, newWorkspaceId(), name, user, importing);
}

/**
 * The database and its `_security` come first, the registry entry last: once the entry
 * exists the workspace is listed and its owner may use it, and everything it needs is there.
 */
async function createWorkspaceRecord(
	couch: ServerScope,
	id: string,
	name: string,
	createdBy: string,
	importing?: WorkspaceEntry['importing']
): Promise<WorkspaceView> {
	const members = { [createdBy]: 'owner' as const };
	const db = await provisionWorkspace(couch, id, members);
	const entry: WorkspaceEntry = {
		_id: `workspace:${id}`,
		type: 'workspace',
		name,
		createdBy,
		createdAt: now(),
		members,
		...(importing ? { importing } : {})
	};
	await couch.use(REGISTRY_DB).insert(entry);
	return { id, name, role: 'owner', db };
}

/**
 * Whether `name` owns this server (manages sign-up and accounts): the role is on their
 * account, read now as the server admin, never from a session's cached roles.
 */
export async function isServerOwner(couch: ServerScope, name: string): Promise<boolean> {
	return (await getUser(couch, name))?.roles.includes(SERVER_OWNER_ROLE) ?? false;
}

/** The caller and their workspaces, from the registry's member lists. */
export async function describeUser(couch: ServerScope, members: MembershipStore, name: string) {
	const [mine, owner] = await Promise.all([members.workspacesOf(name), isServerOwner(couch, name)]);
	const workspaces: WorkspaceView[] = mine.map((w) => ({ ...w, db: workspaceDbName(w.id) }));
	return { name, owner, workspaces, userDb: userDbName(name) };
}

const now = () => new Date().toISOString();
