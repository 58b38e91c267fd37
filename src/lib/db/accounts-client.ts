/**
 * Calls to the accounts API beyond sign-in: members and roles, invite links, sign-up under
 * the owner's policy, accounts made by the owner, and password changes.
 */
import { request, type WorkspaceInfo } from './api-client';

export type Role = WorkspaceInfo['role'];
/** Roles an invite can give (ownership is handed on, never invited into). */
export type InviteRole = Exclude<Role, 'owner'>;
export type SignupPolicy = 'open' | 'invite-only' | 'owner-creates';

export interface Member {
	name: string;
	role: Role;
}

export interface CreatedInvite {
	token: string;
	/** Path of the invite page on this server, e.g. `/invite/<token>`. */
	path: string;
	role: InviteRole;
	expiresAt: string;
}

export interface InviteInfo {
	workspace: { id: string; name: string };
	role: InviteRole;
	invitedBy: string;
	expiresAt: string;
}

const ws = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;

export const accounts = {
	members: (wsId: string) => request<Member[]>('GET', `${ws(wsId)}/members`),
	setRole: (wsId: string, name: string, role: Role) =>
		request<Member>('PUT', `${ws(wsId)}/members/${encodeURIComponent(name)}`, { role }),
	/** Removes a member; with your own name, leaves the workspace. */
	remove: (wsId: string, name: string) =>
		request<{ ok: true }>('DELETE', `${ws(wsId)}/members/${encodeURIComponent(name)}`),
	invite: (wsId: string, role: InviteRole, hours: number) =>
		request<CreatedInvite>('POST', `${ws(wsId)}/invites`, { role, hours }),
	inviteInfo: (token: string) =>
		request<InviteInfo>('GET', `/api/invites/${encodeURIComponent(token)}`),
	accept: (token: string) =>
		request<WorkspaceInfo>('POST', `/api/invites/${encodeURIComponent(token)}/accept`),
	policy: () => request<{ signup: SignupPolicy }>('GET', '/api/policy'),
	setPolicy: (signup: SignupPolicy) =>
		request<{ signup: SignupPolicy }>('PUT', '/api/policy', { signup }),
	signup: (input: { name: string; password: string; invite?: string }) =>
		request<{ name: string; workspace: WorkspaceInfo | null }>('POST', '/api/signup', input),
	createAccount: (name: string, password: string) =>
		request<{ name: string }>('POST', '/api/users', { name, password }),
	changePassword: (current: string, next: string) =>
		request<{ ok: true }>('POST', '/api/password', { current, next })
};
