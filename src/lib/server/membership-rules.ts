/**
 * Who may change whose role in a workspace, as pure functions over the member list. The
 * member list (`name → role`) lives on the workspace's registry entry, which is the one
 * authority: the door authorizes from it, and the database's `_security` object is derived
 * from it (`securityObject`), so CouchDB and `validate_doc_update` see the same roles at
 * once, without waiting for CouchDB's cache of `_users` documents.
 *
 * - `owner`: whoever created the workspace. Nobody else can remove or demote them; they
 *   hand ownership on by making another member owner (and become an admin themselves).
 * - `admin`: invites, changes the roles of admins, members and viewers, removes them.
 * - `member`: reads and writes. `viewer`: reads.
 * Everyone but the owner may leave. A workspace without an owner (made before owners
 * existed) keeps at least one admin.
 */

export type WorkspaceRole = 'owner' | 'admin' | 'member' | 'viewer';
/** Roles an invite or an admin can give. */
export type GrantableRole = Exclude<WorkspaceRole, 'owner'>;
export const WORKSPACE_ROLES: readonly WorkspaceRole[] = ['owner', 'admin', 'member', 'viewer'];

/** `name → role` of one workspace. */
export type Members = Readonly<Record<string, WorkspaceRole>>;

/** Whether `role` is at least as strong as `needed`. */
export function atLeast(role: WorkspaceRole | null | undefined, needed: WorkspaceRole): boolean {
	return !!role && WORKSPACE_ROLES.indexOf(role) <= WORKSPACE_ROLES.indexOf(needed);
}

/** Whether `role` may write documents (owners, admins and members). */
export const canWrite = (role: WorkspaceRole | null | undefined) => atLeast(role, 'member');

/** A refused change: the HTTP status it deserves and a sentence for the person. */
export interface RefusedChange {
	status: 403 | 404 | 409;
	reason: string;
}

/** Whether the outcome of `changeRole` is a refusal. */
export const isRefused = (x: Members | RefusedChange): x is RefusedChange =>
	typeof (x as RefusedChange).reason === 'string' &&
	typeof (x as RefusedChange).status === 'number';

/**
 * The member list after `actor` sets `target`'s role to `role` (null removes them), or why
 * not. Setting `owner` hands ownership on: only the owner may, and they become an admin.
 */
export function changeRole(
	members: Members,
	actor: string,
	target: string,
	role: WorkspaceRole | null
): Members | RefusedChange {
	const actorRole = members[actor] ?? null;
	const current = members[target] ?? null;
	if (!actorRole) return { status: 404, reason: 'no such workspace' };
	if (!current) return { status: 404, reason: `${target} is not a member` };
	const self = actor === target;
	if (!(self && role === null) && !atLeast(actorRole, 'admin')) {
		return { status: 403, reason: 'only workspace admins may change roles' };
	}
	if (current === role) return members;
	if (role === 'owner') {
		if (actorRole !== 'owner') {
			return { status: 403, reason: 'only the owner can hand on ownership' };
		}
		return { ...members, [actor]: 'admin', [target]: 'owner' };
	}
	if (current === 'owner') {
		return {
			status: 403,
			reason: self
				? 'the owner cannot leave or step down; make another member owner first'
				: 'nobody can remove or demote the owner of a workspace'
		};
	}
	const next: Record<string, WorkspaceRole> = { ...members };
	if (role === null) delete next[target];
	else next[target] = role;
	if (!Object.values(next).some((r) => atLeast(r, 'admin'))) {
		return { status: 409, reason: 'a workspace needs at least one admin' };
	}
	return next;
}

/** The member list after `name` joins with `role`; a member keeps a stronger role. */
export function join(members: Members, name: string, role: GrantableRole): Members {
	const current = members[name];
	if (current && atLeast(current, role)) return members;
	return { ...members, [name]: role };
}

/** Members in a stable order: by role, then by name. */
export function sortedMembers(members: Members): { name: string; role: WorkspaceRole }[] {
	return Object.entries(members)
		.map(([name, role]) => ({ name, role }))
		.sort(
			(a, b) =>
				WORKSPACE_ROLES.indexOf(a.role) - WORKSPACE_ROLES.indexOf(b.role) ||
				a.name.localeCompare(b.name)
		);
}

/** What `_security.taskflow` holds: the names allowed to write, and the admins among them. */
export interface SecurityRoles {
	admins: string[];
	writers: string[];
}

/**
 * The `_security` object of a workspace database. CouchDB admits `members.names` to read;
 * `validate_doc_update` reads who may write from `taskflow` (its fourth argument). Only
 * server admins administer the database: a database admin could replace the validator.
 * `members.roles` is never empty, because CouchDB opens a database whose members are
 * empty to everyone.
 */
export function securityObject(members: Members) {
	const names = Object.keys(members).sort();
	const taskflow: SecurityRoles = {
		admins: names.filter((n) => atLeast(members[n], 'admin')),
		writers: names.filter((n) => canWrite(members[n]))
	};
	return {
		admins: { names: [] as string[], roles: ['_admin'] },
		members: { names, roles: ['_admin'] },
		taskflow
	};
}
