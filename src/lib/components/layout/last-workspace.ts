/** Remembers the workspace a user last opened on this device, so `/` goes straight back. */
const key = (user: string) => `taskflow.lastWorkspace.${user}`;

export const rememberWorkspace = (user: string, id: string): void =>
	localStorage.setItem(key(user), id);

export const lastWorkspace = (user: string): string | null => localStorage.getItem(key(user));
