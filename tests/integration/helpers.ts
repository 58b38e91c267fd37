/** Shared helpers for integration tests: users, sessions and documents through the door. */
import { inject } from 'vitest';
import { ulid } from 'ulidx';
import { adminClient } from '../../couchdb/provision';
import type { WorkspaceRole } from '../../src/lib/server/membership-rules';
import { MembershipStore } from '../../src/lib/server/workspace-members';

export const baseUrl = () => inject('baseUrl');
export const door = (path = '') => `${inject('baseUrl')}/db${path}`;

/** A name no other test run has used: the suite can be re-run against one CouchDB. */
export function uniqueName(prefix: string): string {
	const rand = Math.random().toString(36).slice(2, 8);
	return `${prefix}-${Date.now().toString(36)}${rand}`.slice(0, 32);
}

/** A Basic authorization header. */
export const basic = (user: string, password: string) =>
	`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Basic auth header of the server admin. */
export const adminAuth = () => basic(inject('admin').user, inject('admin').password);

/** Requests the upstream CouchDB directly as server admin (fixtures only). */
export async function upstream(path: string, init: RequestInit = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	headers.set('authorization', adminAuth());
	if (init.body) headers.set('content-type', 'application/json');
	return fetch(`${inject('couchUrl')}${path}`, { ...init, headers });
}

/** A workspace role in the tests' shorthand: `ws.<id>.<role>`. */
const MEMBERSHIP = /^ws\.([0-9a-z]+)\.(owner|admin|member|viewer)$/;

/**
 * Creates an account directly upstream and returns its password. `roles` of the form
 * `ws.<id>.<role>` make the user a member of that workspace (on its member list, as the
 * app keeps it); other roles go on the account itself (`tf.owner`: owns the server).
 */
export async function createUser(name: string, roles: string[] = []): Promise<string> {
	const password = `pw-${Math.random().toString(36).slice(2)}`;
	const own = roles.filter((r) => !MEMBERSHIP.test(r));
	const res = await upstream(`/_users/org.couchdb.user:${name}`, {
		method: 'PUT',
		body: JSON.stringify({
			_id: `org.couchdb.user:${name}`,
			type: 'user',
			name,
			roles: own,
			password
		})
	});
	if (!res.ok) throw new Error(`creating ${name}: ${res.status} ${await res.text()}`);
	for (const role of roles) {
		const m = MEMBERSHIP.exec(role);
		if (m) await setMember(m[1]!, name, m[2] as WorkspaceRole);
	}
	return password;
}

let store: MembershipStore | null = null;

/**
 * Puts `name` on workspace `ws`'s member list with `role` (null takes them off), as the
 * server admin and past the members API's rules: a fixture, not a test of those rules.
 */
export async function setMember(ws: string, name: string, role: WorkspaceRole | null) {
	store ??= new MembershipStore(adminClient(inject('couchUrl'), inject('admin')));
	await store.update(ws, (members) => {
		const next = { ...members };
		if (role) next[name] = role;
		else delete next[name];
		return next;
	});
}

/** Signs in through the door; returns the `AuthSession` cookie pair. */
export async function login(name: string, password: string): Promise<string> {
	const res = await fetch(door('/_session'), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name, password })
	});
	if (!res.ok) throw new Error(`login ${name}: ${res.status}`);
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('AuthSession='));
	if (!cookie) throw new Error('no AuthSession cookie');
	return cookie.split(';')[0]!;
}

/** fetch with a session cookie and JSON body. */
export function as(
	cookie: string | null,
	url: string,
	init: RequestInit & { json?: unknown } = {}
) {
	const headers = new Headers(init.headers);
	if (cookie) headers.set('cookie', cookie);
	const { json, ...rest } = init;
	if (json !== undefined) headers.set('content-type', 'application/json');
	return fetch(url, {
		...rest,
		headers,
		body: json !== undefined ? JSON.stringify(json) : rest.body
	});
}

/** A user with an account, a session, and a fresh workspace they administer. */
export async function ownerWithWorkspace(prefix = 'own') {
	const name = uniqueName(prefix);
	const password = await createUser(name, ['tf.user']);
	const cookie = await login(name, password);
	const res = await as(cookie, `${baseUrl()}/api/workspaces`, {
		method: 'POST',
		json: { name: `WS ${name}` }
	});
	if (res.status !== 201) throw new Error(`create workspace: ${res.status} ${await res.text()}`);
	const ws = (await res.json()) as { id: string; name: string; role: string; db: string };
	return { name, password, cookie, ws };
}

const at = () => new Date().toISOString();

/** A document as the tests build them. */
export type TestDoc = Record<string, unknown> & { _id: string };

/** A valid task document created by `user`. */
export function newTask(user: string, title = 'Check the pumps'): TestDoc {
	const t = at();
	return {
		_id: `task:${ulid()}`,
		type: 'task',
		project: `project:${ulid()}`,
		title,
		description: '',
		status: 'todo',
		priority: 'medium',
		assignee: null,
		reporter: user,
		due: null,
		start: null,
		estimate: null,
		tags: [],
		parent: null,
		dependencies: [],
		rank: 'a0',
		completedAt: null,
		deletedAt: null,
		clocks: {},
		createdBy: user,
		createdAt: t,
		updatedAt: t
	};
}

/** A valid comment on `task` by `user`. */
export function newComment(user: string, task: string): TestDoc {
	const t = at();
	return {
		_id: `comment:${task.slice(5)}:${ulid()}`,
		type: 'comment',
		task,
		body: 'looks good',
		author: user,
		editedAt: null,
		createdBy: user,
		createdAt: t,
		updatedAt: t
	};
}

/** A valid, stopped time entry of `user` on `task`. */
export function newTimeEntry(user: string, task: string): TestDoc {
	const t = at();
	return {
		_id: `time:${ulid()}`,
		type: 'time',
		user,
		task,
		project: `project:${ulid()}`,
		start: new Date(Date.parse(t) - 30 * 60_000).toISOString(),
		end: t,
		minutes: 30,
		note: 'pump check',
		billable: false,
		createdBy: user,
		createdAt: t,
		updatedAt: t
	};
}

/** A valid attachment document of `user` on `task`, carrying `bytes` as its file. */
export function attachmentDoc(
	user: string,
	task: string,
	bytes: Buffer,
	thumb?: Buffer,
	type = 'image/jpeg',
	name = 'pump.jpg'
): TestDoc {
	const at = new Date().toISOString();
	const files: Record<string, unknown> = {
		file: { content_type: type, data: bytes.toString('base64') }
	};
	if (thumb) files.thumb = { content_type: 'image/jpeg', data: thumb.toString('base64') };
	return {
		_id: `attachment:${task.slice(5)}:${ulid()}`,
		type: 'attachment',
		task,
		comment: null,
		name,
		contentType: type,
		size: bytes.length,
		width: 1600,
		height: 1200,
		createdBy: user,
		createdAt: at,
		updatedAt: at,
		_attachments: files
	};
}
