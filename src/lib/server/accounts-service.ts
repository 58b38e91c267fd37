/**
 * What the accounts API does, as the server admin: first-run setup, workspace creation,
 * and describing the caller. Roles live in `_users` documents (`ws.<id>.<role>`), the
 * workspace names in the registry database.
 */
import type { ServerScope } from 'nano';
import { newWorkspaceId, userDbName, workspaceDbName } from '../domain/ids';
import {
	provisionUserDb,
	provisionWorkspace,
	REGISTRY_DB,
	statusOf,
	workspaceRoles,
	type WorkspaceEntry
} from '../../../couchdb/provision';
import type { SetupInput } from './accounts-input';
import { HttpError } from './http-json';
import type { UserCtx } from './upstream-session';
import { OWNER_ROLE, ROLE_PATTERN, updateUser, userDocId, type WorkspaceRole } from './user-roles';

/** A workspace as the API shows it to one user. */
export interface WorkspaceView {
	id: string;
	name: string;
	role: WorkspaceRole;
	db: string;
}

const conflict = (reason: string) => new HttpError(409, 'conflict', reason);

const SETUP_DOC = 'setup';
const ROLE_RANK: WorkspaceRole[] = ['admin', 'member', 'viewer'];

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
			roles: [OWNER_ROLE, workspaceRoles(id).admin],
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

/** Creates a workspace and makes `user` its admin. */
export async function createWorkspace(
	couch: ServerScope,
	user: string,
	name: string
): Promise<WorkspaceView> {
	try {
		await couch.use('_users').get(userDocId(user));
	} catch (err) {
		if (statusOf(err) === 404) throw new HttpError(403, 'forbidden', `${user} has no account`);
		throw err;
	}
	const id = newWorkspaceId();
	const view = await createWorkspaceRecord(couch, id, name, user);
	const admin = workspaceRoles(id).admin;
	await updateUser(couch, user, (doc) => ({ ...doc, roles: [...doc.roles, admin] }));
	return view;
}

async function createWorkspaceRecord(
	couch: ServerScope,
	id: string,
	name: string,
	createdBy: string
): Promise<WorkspaceView> {
	const db = await provisionWorkspace(couch, id);
	const entry: WorkspaceEntry = {
		_id: `workspace:${id}`,
		type: 'workspace',
		name,
		createdBy,
		createdAt: now()
	};
	await couch.use(REGISTRY_DB).insert(entry);
	return { id, name, role: 'admin', db };
}

/** The caller's workspaces, from their roles and the registry. */
export async function describeUser(couch: ServerScope, ctx: UserCtx & { name: string }) {
	const best = new Map<string, WorkspaceRole>();
	for (const role of ctx.roles) {
		const m = ROLE_PATTERN.exec(role);
		if (!m) continue;
		const [, id, r] = m as unknown as [string, string, WorkspaceRole];
		const prev = best.get(id);
		if (!prev || ROLE_RANK.indexOf(r) < ROLE_RANK.indexOf(prev)) best.set(id, r);
	}
	const ids = [...best.keys()];
	const names = new Map<string, string>();
	if (ids.length) {
		const res = await couch
			.use<WorkspaceEntry>(REGISTRY_DB)
			.fetch({ keys: ids.map((id) => `workspace:${id}`) });
		for (const row of res.rows) {
			if ('doc' in row && row.doc) names.set(row.doc._id.slice('workspace:'.length), row.doc.name);
		}
	}
	const workspaces: WorkspaceView[] = ids
		.filter((id) => names.has(id))
		.map((id) => ({ id, name: names.get(id)!, role: best.get(id)!, db: workspaceDbName(id) }));
	return {
		name: ctx.name,
		roles: ctx.roles,
		owner: ctx.roles.includes(OWNER_ROLE),
		workspaces,
		userDb: userDbName(ctx.name)
	};
}

const now = () => new Date().toISOString();
