/** Typed app paths, resolved against the deployment's base path. */
import { resolve } from '$app/paths';

export const workspacePath = (ws: string): string => resolve('/w/[ws]', { ws });

export const projectPath = (ws: string, projectId: string): string =>
	resolve('/w/[ws]/p/[project]', { ws, project: projectId.replace(/^project:/, '') });

/** A project's board with one task open (`?task=` keeps the board underneath). */
export const taskPath = (ws: string, projectId: string, taskId: string): string =>
	`${projectPath(ws, projectId)}?task=${taskId.replace(/^task:/, '')}`;

export const loginPath = (next?: string): string =>
	next ? `${resolve('/login')}?next=${encodeURIComponent(next)}` : resolve('/login');

export const setupPath = (): string => resolve('/setup');
export const homePath = (): string => resolve('/');

/** The timesheet: the user's week by default, or the team view or the report. */
export const timePath = (ws: string, view: 'week' | 'team' | 'report' = 'week'): string =>
	view === 'week'
		? resolve('/w/[ws]/time', { ws })
		: `${resolve('/w/[ws]/time', { ws })}?view=${view}`;

/** The analytics dashboard for the workspace, or for one project. */
export const analyticsPath = (ws: string, projectId?: string): string => {
	const base = resolve('/w/[ws]/analytics', { ws });
	return projectId ? `${base}?project=${projectId.replace(/^project:/, '')}` : base;
};

/** The Import screen, with the target project preselected when given. */
export const importPath = (ws: string, projectId?: string): string => {
	const base = resolve('/w/[ws]/import', { ws });
	return projectId ? `${base}?project=${projectId.replace(/^project:/, '')}` : base;
};
