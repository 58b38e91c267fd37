/**
 * Invite links to a workspace: an admin creates one with a role and an expiry; whoever opens
 * it before it expires may accept it once, which gives their account that role.
 */
import type { ServerScope } from 'nano';
import { REGISTRY_DB, statusOf } from '../../../couchdb/provision';
import { workspaceDbName } from '../domain/ids';
import { HttpError } from './http-json';
import {
	inviteDocId,
	inviteState,
	newInviteDoc,
	newInviteToken,
	type InviteDoc
} from './invite-token';
import { join, type GrantableRole, type WorkspaceRole } from './membership-rules';
import { getUser } from './user-roles';
import type { MembershipStore } from './workspace-members';

/** Creates a link; the token is returned once and never stored in clear. */
export async function createInvite(
	couch: ServerScope,
	opts: { workspace: string; role: GrantableRole; hours: number; createdBy: string }
) {
	const token = newInviteToken();
	const doc = newInviteDoc({ ...opts, token, now: new Date() });
	await couch.use(REGISTRY_DB).insert(doc);
	return { token, path: `/invite/${token}`, role: doc.role, expiresAt: doc.expiresAt };
}

/** Reads an open invite, or answers 404 (unknown), 410 (expired or used). */
export async function openInvite(couch: ServerScope, token: string): Promise<InviteDoc> {
	const id = inviteDocId(token);
	let doc: InviteDoc | null = null;
	if (id) {
		try {
			doc = await couch.use<InviteDoc>(REGISTRY_DB).get(id);
		} catch (err) {
			if (statusOf(err) !== 404) throw err;
		}
	}
	if (!doc || doc.type !== 'invite') {
		throw new HttpError(404, 'not_found', 'This invite link is not valid.');
	}
	const state = inviteState(doc, new Date());
	if (state === 'expired') throw new HttpError(410, 'gone', 'This invite link has expired.');
	if (state === 'used') throw new HttpError(410, 'gone', 'This invite link was already used.');
	return doc;
}

/** What the invite page shows before anyone signs in. */
export async function describeInvite(couch: ServerScope, members: MembershipStore, token: string) {
	const invite = await openInvite(couch, token);
	const ws = await members.require(invite.workspace);
	return {
		workspace: { id: invite.workspace, name: ws.name },
		role: invite.role,
		invitedBy: invite.createdBy,
		expiresAt: invite.expiresAt
	};
}

/**
 * Accepts for `user`. The invite is marked used first — its revision makes a second,
 * concurrent acceptance fail with a conflict — and only then is the role granted (and put
 * back open if that fails). A member who already has a role keeps it (an invite never
 * demotes), and the link stays unused.
 */
export async function acceptInvite(
	couch: ServerScope,
	members: MembershipStore,
	token: string,
	user: string
) {
	const invite = await openInvite(couch, token);
	const ws = await members.require(invite.workspace);
	const view = (role: WorkspaceRole) => ({
		id: invite.workspace,
		name: ws.name,
		role,
		db: workspaceDbName(invite.workspace)
	});
	const account = await getUser(couch, user);
	if (!account) throw new HttpError(403, 'forbidden', `${user} has no TaskFlow account`);
	const existing = ws.members?.[user];
	if (existing) return view(existing);
	let used: { rev: string };
	try {
		used = await couch
			.use(REGISTRY_DB)
			.insert({ ...invite, acceptedBy: user, acceptedAt: new Date().toISOString() } as never);
	} catch (err) {
		if (statusOf(err) === 409) {
			throw new HttpError(410, 'gone', 'This invite link was already used.');
		}
		throw err;
	}
	try {
		const after = await members.update(invite.workspace, (list) => join(list, user, invite.role));
		return view(after[user] ?? invite.role);
	} catch (err) {
		await couch
			.use(REGISTRY_DB)
			.insert({ ...invite, _rev: used.rev })
			.catch(() => undefined);
		throw err;
	}
}
