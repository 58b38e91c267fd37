/**
 * Invite links: a random token goes into the link, only its SHA-256 is stored (a leaked
 * registry does not leak usable links). Pure helpers, so expiry and single use are tested
 * without a server.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { GrantableRole } from './membership-rules';

/** Allowed lifetimes of a link, in hours: one hour to thirty days. */
export const INVITE_MIN_HOURS = 1;
export const INVITE_MAX_HOURS = 30 * 24;

/** An invite as stored in the registry (`_id` is `invite:<sha256 hex of token>`). */
export interface InviteDoc {
	_id: string;
	_rev?: string;
	type: 'invite';
	workspace: string;
	role: GrantableRole;
	createdBy: string;
	createdAt: string;
	expiresAt: string;
	acceptedBy: string | null;
	acceptedAt: string | null;
}

/** A new unguessable token (192 bits, URL-safe). */
export const newInviteToken = (): string => randomBytes(24).toString('base64url');

/** Registry id of a token; null when the text cannot be a token (saves a lookup). */
export function inviteDocId(token: string): string | null {
	if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
	return `invite:${createHash('sha256').update(token).digest('hex')}`;
}

export type InviteState = 'open' | 'expired' | 'used';

/** Whether an invite can still be accepted at `now`. */
export function inviteState(invite: Pick<InviteDoc, 'expiresAt' | 'acceptedBy'>, now: Date) {
	if (invite.acceptedBy !== null) return 'used' satisfies InviteState;
	if (Date.parse(invite.expiresAt) <= now.getTime()) return 'expired' satisfies InviteState;
	return 'open' satisfies InviteState;
}

/** The invite document for a new link. */
export function newInviteDoc(opts: {
	token: string;
	workspace: string;
	role: GrantableRole;
	createdBy: string;
	hours: number;
	now: Date;
}): InviteDoc {
	return {
		_id: inviteDocId(opts.token)!,
		type: 'invite',
		workspace: opts.workspace,
		role: opts.role,
		createdBy: opts.createdBy,
		createdAt: opts.now.toISOString(),
		expiresAt: new Date(opts.now.getTime() + opts.hours * 3_600_000).toISOString(),
		acceptedBy: null,
		acceptedAt: null
	};
}
