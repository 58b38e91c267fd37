/** Words for workspace roles and invite lifetimes, shared by the members UI. */
import type { InviteRole, Role } from '$lib/db/accounts-client';

/** Roles an admin can give (the owner hands ownership on separately). */
export const ROLES: readonly InviteRole[] = ['admin', 'member', 'viewer'];

export const ROLE_LABELS: Record<Role, string> = {
	owner: 'Owner',
	admin: 'Admin',
	member: 'Member',
	viewer: 'Viewer'
};

export const ROLE_HINTS: Record<Role, string> = {
	owner: 'Created the workspace; nobody can remove them',
	admin: 'Manages members, projects and settings',
	member: 'Creates and edits work',
	viewer: 'Reads only'
};

/** Invite link lifetimes offered in the dialog, in hours. */
export const EXPIRY_CHOICES: readonly { hours: number; label: string }[] = [
	{ hours: 24, label: '1 day' },
	{ hours: 72, label: '3 days' },
	{ hours: 168, label: '7 days' },
	{ hours: 720, label: '30 days' }
];
