/**
 * Workspace membership as the accounts API manages it: list members, change a member's role,
 * remove a member, leave. The rules are `membership-rules.ts`; the member list and its
 * compare-and-swap updates are `workspace-members.ts`.
 */
import { HttpError } from './http-json';
import { atLeast, changeRole, sortedMembers, type WorkspaceRole } from './membership-rules';
import type { MembershipStore } from './workspace-members';

/** One member as the members page shows them. */
export interface Member {
	name: string;
	role: WorkspaceRole;
}

/**
 * The caller's role in `ws`, or an error: 404 for non-members (so workspace ids cannot be
 * probed), 403 when the role is too weak for `needed`.
 */
export async function requireRole(
	members: MembershipStore,
	ws: string,
	name: string,
	needed: WorkspaceRole
): Promise<WorkspaceRole> {
	const role = await members.roleOf(ws, name);
	if (!role) throw new HttpError(404, 'not_found', 'no such workspace');
	if (!atLeast(role, needed)) {
		throw new HttpError(403, 'forbidden', `only workspace ${needed}s may do this`);
	}
	return role;
}

/** Members of `ws` with their role, owner and admins first, then by name. */
export async function listMembers(members: MembershipStore, ws: string): Promise<Member[]> {
	return sortedMembers((await members.require(ws)).members ?? {});
}

/** `actor` gives `name` the role `role` in `ws` (null removes them); see `changeRole`. */
export async function setMemberRole(
	members: MembershipStore,
	ws: string,
	actor: string,
	name: string,
	role: WorkspaceRole | null
): Promise<void> {
	await members.update(ws, (list) => changeRole(list, actor, name, role));
}
