/** The open workspace, shared with everything under `/w/[ws]` through Svelte context. */
import { getContext, setContext } from 'svelte';
import type { WorkspaceInfo } from '$lib/db/api-client';
import type { WorkspaceSession } from '$lib/db/workspace-session.svelte';

const KEY = Symbol('workspace');

export interface WorkspaceContext {
	readonly info: WorkspaceInfo;
	readonly session: WorkspaceSession;
	/** Viewers read only; the UI hides what the server would refuse anyway. */
	readonly canWrite: boolean;
}

export const setWorkspace = (ctx: () => WorkspaceContext): void => {
	setContext(KEY, ctx);
};

/** The current workspace; call during component init, read `.info`/`.session` reactively. */
export function useWorkspace(): () => WorkspaceContext {
	const ctx = getContext<(() => WorkspaceContext) | undefined>(KEY);
	if (!ctx) throw new Error('useWorkspace() outside a workspace route');
	return ctx;
}
