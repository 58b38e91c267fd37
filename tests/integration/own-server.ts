/**
 * For tests that run their own server (restarts, kills, shutdown): a user created as an
 * operator would (with the server's admin rights), with a workspace of their own.
 */
import { serverAccess, type AppServer } from '../support/app-server';
import { basic, uniqueName } from './helpers';

export async function userWithWorkspace(server: AppServer, prefix: string, workspaceName: string) {
	const { couchUrl, admin } = await serverAccess(server);
	const name = uniqueName(prefix);
	const password = `${prefix}-password-1`;
	const user = await fetch(`${couchUrl}/_users/org.couchdb.user:${name}`, {
		method: 'PUT',
		headers: {
			authorization: basic(admin.user, admin.password),
			'content-type': 'application/json'
		},
		body: JSON.stringify({
			_id: `org.couchdb.user:${name}`,
			name,
			password,
			roles: [],
			type: 'user'
		})
	});
	if (!user.ok) throw new Error(`creating ${name}: ${user.status} ${await user.text()}`);
	const auth = basic(name, password);
	const created = await fetch(`${server.baseUrl}/api/workspaces`, {
		method: 'POST',
		headers: { authorization: auth, 'content-type': 'application/json' },
		body: JSON.stringify({ name: workspaceName })
	});
	if (created.status !== 201) {
		throw new Error(`creating workspace: ${created.status} ${await created.text()}`);
	}
	const ws = (await created.json()) as { id: string; db: string };
	return { name, password, auth, ws };
}
