/**
 * `_design/taskflow` in `_users`: an index of workspace roles, so the accounts API lists a
 * workspace's members with one view query instead of reading every account. Only server
 * admins read `_users` design documents; the door never lets browsers near them.
 */
import type { DesignDoc } from './workspace.ddoc';

/** Emits `[role, name]` for every `ws.<id>.<role>` role of every account. */
const byRoleMap = `function (doc) {
	if (doc.type !== 'user' || !doc.roles) return;
	for (var i = 0; i < doc.roles.length; i++) {
		if (doc.roles[i].indexOf('ws.') === 0) emit(doc.roles[i], null);
	}
}`;

/** The `_users` design document. */
export function usersIndexDesignDoc(): DesignDoc {
	return {
		_id: '_design/taskflow',
		language: 'javascript',
		views: { by_role: { map: byRoleMap } }
	};
}
