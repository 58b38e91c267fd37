/**
 * Accounts beyond the owner: the sign-up policy, self-service sign-up (optionally through an
 * invite), accounts created by the owner, and password changes. Every new account gets its
 * private database at once.
 */
import type { ServerScope } from 'nano';
import { provisionUserDb, REGISTRY_DB, statusOf } from '../../../couchdb/provision';
import type { SignupInput } from './accounts-input';
import { HttpError } from './http-json';
import { acceptInvite, openInvite } from './invites-service';
import {
	DEFAULT_SIGNUP_POLICY,
	isSignupPolicy,
	POLICY_DOC,
	signupAllowed,
	type SignupPolicy
} from './signup-policy';
import { updateUser, userDocId } from './user-roles';
import type { MembershipStore } from './workspace-members';

/** The current sign-up policy. */
export async function getPolicy(couch: ServerScope): Promise<SignupPolicy> {
	try {
		const doc = await couch.use<{ signup?: unknown }>(REGISTRY_DB).get(POLICY_DOC);
		return isSignupPolicy(doc.signup) ? doc.signup : DEFAULT_SIGNUP_POLICY;
	} catch (err) {
		if (statusOf(err) === 404) return DEFAULT_SIGNUP_POLICY;
		throw err;
	}
}

/** Stores the sign-up policy (the API lets only the owner call this). */
export async function setPolicy(couch: ServerScope, signup: SignupPolicy): Promise<void> {
	const registry = couch.use<{ signup: SignupPolicy }>(REGISTRY_DB);
	let rev: string | undefined;
	try {
		rev = (await registry.get(POLICY_DOC))._rev;
	} catch (err) {
		if (statusOf(err) !== 404) throw err;
	}
	await registry.insert({ _id: POLICY_DOC, _rev: rev, signup });
}

/** Creates an account with no workspace roles, and its private database. 409 if taken. */
export async function createAccount(couch: ServerScope, name: string, password: string) {
	try {
		await couch.use('_users').insert({
			_id: userDocId(name),
			type: 'user',
			name,
			roles: [],
			password
		} as never);
	} catch (err) {
		if (statusOf(err) === 409) throw new HttpError(409, 'conflict', 'That user name is taken.');
		throw err;
	}
	return { name, userDb: await provisionUserDb(couch, name) };
}

/** Self-service sign-up under the current policy; with an invite, joins its workspace. */
export async function signUp(couch: ServerScope, members: MembershipStore, input: SignupInput) {
	const decision = signupAllowed(await getPolicy(couch), input.invite !== undefined);
	if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason);
	// Check the invite before creating the account, so a dead link creates nobody.
	if (input.invite !== undefined) await openInvite(couch, input.invite);
	const account = await createAccount(couch, input.name, input.password);
	const workspace =
		input.invite === undefined
			? null
			: await acceptInvite(couch, members, input.invite, input.name);
	return { ...account, workspace };
}

/**
 * Sets a new password for `name` after checking the current one with CouchDB, and returns
 * the `Set-Cookie` of a session made with the new one. CouchDB ties sessions to the
 * password's salt, so the old cookie stops working once the change takes effect — which in
 * CouchDB is a moment after the write (its cache of `_users`). So this waits until the old
 * session is refused (a cheap check, no password hashing), signs in once with the new
 * password, and says so if the server has still not applied it: it never reports a change
 * that has not taken effect.
 */
export async function changePassword(
	couch: ServerScope,
	upstream: string,
	name: string,
	current: string,
	next: string
): Promise<string[]> {
	const check = await signIn(upstream, name, current);
	if (check.status === 401) throw new HttpError(403, 'forbidden', 'The current password is wrong.');
	if (!check.ok) throw new Error(`upstream /_session answered ${check.status}`);
	const oldSession = sessionCookieOf(check.headers.getSetCookie());
	await updateUser(couch, name, (doc) => ({ ...doc, password: next }));
	const deadline = Date.now() + APPLY_TIMEOUT_MS;
	if (oldSession) {
		while (Date.now() < deadline && (await sessionName(upstream, oldSession)) === name) {
			await sleep(50);
		}
	}
	for (let wait = 100; ; wait *= 2) {
		const fresh = await signIn(upstream, name, next);
		if (fresh.ok) return fresh.headers.getSetCookie();
		if (fresh.status !== 401 || Date.now() + wait > deadline) break;
		await sleep(wait);
	}
	throw new HttpError(
		503,
		'not_applied',
		'Your new password is saved, but the database has not started using it yet. Sign in with the new password in a minute.'
	);
}

/** How long a password change may take to reach CouchDB's sessions before we say so. */
const APPLY_TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const sessionCookieOf = (cookies: string[]) =>
	cookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith('AuthSession=')) ?? null;

/** Whose session `cookie` is, as CouchDB sees it now (null: nobody's). */
async function sessionName(upstream: string, cookie: string): Promise<string | null> {
	const res = await fetch(`${upstream}/_session`, {
		headers: { cookie, accept: 'application/json' }
	});
	if (!res.ok) return null;
	const body = (await res.json()) as { userCtx?: { name?: unknown } };
	return typeof body.userCtx?.name === 'string' ? body.userCtx.name : null;
}

const signIn = (upstream: string, name: string, password: string) =>
	fetch(`${upstream}/_session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify({ name, password })
	});
