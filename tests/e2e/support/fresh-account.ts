/**
 * A user of their own with a workspace they administer, made through the server's API, so
 * an e2e file depends on no other. On a fresh server it first does the shared first-run
 * setup with the same owner the other files use, whoever comes first.
 */
import { inject } from 'vitest';

const OWNER = { name: 'olivia', password: 'correct-horse-battery' };

export async function freshAccount(prefix: string): Promise<{ name: string; password: string }> {
	const baseUrl = inject('baseUrl');
	const json = { 'content-type': 'application/json' };
	const { needsSetup } = (await (await fetch(`${baseUrl}/api/setup`)).json()) as {
		needsSetup: boolean;
	};
	if (needsSetup) {
		const setup = await fetch(`${baseUrl}/api/setup`, {
			method: 'POST',
			headers: json,
			body: JSON.stringify({ ...OWNER, workspaceName: 'Field crew' })
		});
		if (setup.status !== 201 && setup.status !== 409) throw new Error(`setup: ${setup.status}`);
	}
	const user = {
		name: `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`,
		password: `${prefix}-long-password`
	};
	const { user: admin, password } = inject('admin');
	const auth = `Basic ${Buffer.from(`${admin}:${password}`).toString('base64')}`;
	const id = `org.couchdb.user:${user.name}`;
	const made = await fetch(`${inject('couchUrl')}/_users/${id}`, {
		method: 'PUT',
		headers: { ...json, authorization: auth },
		body: JSON.stringify({ _id: id, type: 'user', roles: [], ...user })
	});
	if (made.status !== 201) throw new Error(`creating ${user.name}: ${made.status}`);
	const login = await fetch(`${baseUrl}/db/_session`, {
		method: 'POST',
		headers: json,
		body: JSON.stringify(user)
	});
	const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
	const ws = await fetch(`${baseUrl}/api/workspaces`, {
		method: 'POST',
		headers: { ...json, cookie },
		body: JSON.stringify({ name: `${prefix} crew` })
	});
	if (ws.status !== 201) throw new Error(`creating a workspace: ${ws.status}`);
	return user;
}
