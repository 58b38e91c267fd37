/**
 * Calls to the app's own server: the accounts API (`/api`) and CouchDB's session endpoint
 * through the door (`/db/_session`). Errors become `ApiError` with the server's reason and,
 * for form input, a message per field.
 */

export interface WorkspaceInfo {
	id: string;
	name: string;
	role: 'owner' | 'admin' | 'member' | 'viewer';
	db: string;
}

/** Whether a workspace role administers the workspace (owners do everything admins do). */
export const isAdminRole = (role: WorkspaceInfo['role']): boolean =>
	role === 'owner' || role === 'admin';

export interface Me {
	name: string;
	/** True for the owner who set the server up (manages sign-up and accounts). */
	owner: boolean;
	workspaces: WorkspaceInfo[];
	/** The user's private database (preferences, notifications). */
	userDb: string;
}

export interface SessionUser {
	name: string;
	roles: string[];
}

export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly fields: Record<string, string> = {}
	) {
		super(message);
		this.name = 'ApiError';
	}
	/** True when the server could not be reached at all (offline, server down). */
	get isNetwork(): boolean {
		return this.status === 0;
	}
}

/** One JSON call to the app's server; failures become `ApiError`. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
	let res: Response;
	try {
		res = await fetch(path, {
			method,
			credentials: 'same-origin',
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch {
		throw new ApiError(0, 'Cannot reach the server. Check your connection.');
	}
	const data = (await res.json().catch(() => ({}))) as {
		reason?: string;
		error?: string;
		fields?: Record<string, string>;
	};
	if (!res.ok) {
		const reason = data.reason ?? data.error ?? `${res.status} ${res.statusText}`;
		throw new ApiError(res.status, reason, data.fields ?? {});
	}
	return data as T;
}

export const api = {
	setupStatus: () => request<{ needsSetup: boolean }>('GET', '/api/setup'),
	setup: (input: { name: string; password: string; workspaceName: string }) =>
		request<{ ok: true; workspace: WorkspaceInfo }>('POST', '/api/setup', input),
	me: () => request<Me>('GET', '/api/me'),
	createWorkspace: (name: string, forImport = false) =>
		request<WorkspaceInfo>('POST', '/api/workspaces', forImport ? { name, forImport } : { name }),
	/** Closes the import into a workspace made for it (no more imported documents). */
	finishImport: (wsId: string) =>
		request<{ ok: true }>('POST', `/api/workspaces/${encodeURIComponent(wsId)}/import/done`),

	session: async (): Promise<SessionUser | null> => {
		const s = await request<{ userCtx: { name: string | null; roles: string[] } }>(
			'GET',
			'/db/_session'
		);
		return s.userCtx.name ? { name: s.userCtx.name, roles: s.userCtx.roles } : null;
	},
	login: async (name: string, password: string): Promise<SessionUser> => {
		const s = await request<{ name: string; roles: string[] }>('POST', '/db/_session', {
			name,
			password
		}).catch((err: unknown) => {
			if (err instanceof ApiError && err.status === 401) {
				throw new ApiError(401, 'Wrong user name or password.');
			}
			throw err;
		});
		return { name: s.name, roles: s.roles };
	},
	logout: () => request<{ ok: boolean }>('DELETE', '/db/_session')
};
