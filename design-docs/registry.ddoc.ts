/**
 * `_design/taskflow` in the registry database (server admins only): which workspaces each
 * person belongs to, from the member lists on the workspace entries, so `/api/me` answers
 * with one view query and never from a session's cached roles.
 */
import { registryViews } from './lib/registry-views.js';
import type { DesignDoc } from './workspace.ddoc';

/** The registry design document. */
export function registryDesignDoc(): DesignDoc {
	return {
		_id: '_design/taskflow',
		language: 'javascript',
		views: { by_member: { map: registryViews.by_member.map.toString() } }
	};
}
