/** Remembers the workspace and project a user last opened on this device, so `/` and the
 * app's "New task" shortcut go straight back. */
const key = (user: string) => `taskflow.lastWorkspace.${user}`;

export const rememberWorkspace = (user: string, id: string): void =>
	localStorage.setItem(key(user), id);

export const lastWorkspace = (user: string): string | null => localStorage.getItem(key(user));

const projectKey = (user: string, ws: string) => `taskflow.lastProject.${user}.${ws}`;

export const rememberProject = (user: string, ws: string, projectId: string): void =>
	localStorage.setItem(projectKey(user, ws), projectId);

export const lastProject = (user: string, ws: string): string | null =>
	localStorage.getItem(projectKey(user, ws));
