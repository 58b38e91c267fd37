/**
 * Workspace membership as the accounts API manages it: list members, change a member's
 * role, remove a member, leave. Admins manage; every member may list and leave. A workspace
 * always keeps at least one admin, so nobody can lock everyone out of its settings.
 */
import type { ServerScope } from 'nano';
import { REGISTRY_DB, statusOf, type WorkspaceEntry } from '../../../couchdb/provision';
import { HttpError } from './http-json';
import {
	roleIn,
	updateUser,
	withWorkspaceRole,
	WORKSPACE_ROLES,
	type WorkspaceRole
} from './user-roles';

/** One member as the members page shows them. */
export interface Member {
	name: string;
	role: WorkspaceRole;
}

/** The registry entry of workspace `ws`; 404 when it does not exist. */
export async function workspaceEntry(couch: ServerScope, ws: string): Promise<WorkspaceEntry> {
	try {
		return await couch.use<WorkspaceEntry>(REGISTRY_DB).get(`workspace:${ws}`);
	} catch (err) {
		if (statusOf(err) === 404) throw new HttpError(404, 'not_found', 'no such workspace');
		throw err;
	}
}

/**
 * The caller's role in `ws`, or an error: 404 for non-members (so workspace ids cannot be
 * probed), 403 when the role is too weak for `needed`.
 */
export function requireRole(
	roles: readonly string[],
	ws: string,
	needed: WorkspaceRole
): WorkspaceRole {
	const role = roleIn(roles, ws);
	if (!role) throw new HttpError(404, 'not_found', 'no such workspace');
	if (WORKSPACE_ROLES.indexOf(role) > WORKSPACE_ROLES.indexOf(needed)) {
		throw new HttpError(403, 'forbidden', `only workspace ${needed}s may do this`);
	}
	return role;
}

/** Members of `ws` with their strongest role, admins first, then by name. */
export async function listMembers(couch: ServerScope, ws: string): Promise<Member[]> {
	const res = await couch.use('_users').view('taskflow', 'by_role', {
		keys: WORKSPACE_ROLES.map((r) => `ws.${ws}.${r}`)
	});
	const best = new Map<string, WorkspaceRole>();
	for (const row of res.rows) {
		const name = row.id.slice('org.couchdb.user:'.length);
		const role = row.key.split('.')[2] as WorkspaceRole;
		const prev = best.get(name);
		if (!prev || WORKSPACE_ROLES.indexOf(role) < WORKSPACE_ROLES.indexOf(prev)) {
			best.set(name, role);
		}
	}
	return [...best]
		.map(([name, role]) => ({ name, role }))
		.sort(
			(a, b) =>
				WORKSPACE_ROLES.indexOf(a.role) - WORKSPACE_ROLES.indexOf(b.role) ||
				a.name.localeCompare(b.name)
		);
}

/** Gives `name` the role `role` in `ws` (null removes them). Keeps one admin at least. */
export async function setMemberRole(
	couch: ServerScope,
	ws: string,
	name: string,
	role: WorkspaceRole | null
): Promise<void> {
	const members = await listMembers(couch, ws);
	const current = members.find((m) => m.name === name);
	if (!current) throw new HttpError(404, 'not_found', `${name} is not a member`);
	const admins = members.filter((m) => m.role === 'admin').length;
	if (current.role === 'admin' && role !== 'admin' && admins <= 1) {
		throw new HttpError(409, 'conflict', 'a workspace needs at least one admin');
	}
	await updateUser(couch, name, (doc) => {
		const roles = withWorkspaceRole(doc.roles, ws, role);
		return JSON.stringify(roles) === JSON.stringify(doc.roles) ? null : { ...doc, roles };
	});
}
