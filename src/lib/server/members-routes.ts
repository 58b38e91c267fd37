/**
 * Members and invites of a workspace:
 *
 * - `GET /api/workspaces/:ws/members` → `[{ name, role }]` (any member)
 * - `PUT /api/workspaces/:ws/members/:name` `{ role }` (admins)
 * - `DELETE /api/workspaces/:ws/members/:name` (admins; anyone for themselves: leave)
 * - `POST /api/workspaces/:ws/invites` `{ role, hours }` → 201 `{ token, path, role, expiresAt }`
 * - `GET /api/invites/:token` → workspace name, role, inviter, expiry (no sign-in needed)
 * - `POST /api/invites/:token/accept` → the workspace, with the invite's role
 *
 * Non-members get 404 for a workspace, so ids cannot be probed.
 */
import { inviteInput, roleInput } from './accounts-input';
import type { ApiDeps, Route } from './api-router';
import { acceptInvite, createInvite, describeInvite } from './invites-service';
import { listMembers, requireRole, setMemberRole, workspaceEntry } from './members-service';

export function memberRoutes({ couch }: ApiDeps): Route[] {
	return [
		[
			'/api/workspaces/:ws/members',
			{
				GET: async (c) => {
					requireRole((await c.user()).roles, c.params.ws!, 'viewer');
					c.send(200, await listMembers(couch, c.params.ws!));
				}
			}
		],
		[
			'/api/workspaces/:ws/members/:name',
			{
				PUT: async (c) => {
					requireRole((await c.user()).roles, c.params.ws!, 'admin');
					const { role } = await c.body(roleInput);
					await setMemberRole(couch, c.params.ws!, c.params.name!, role);
					c.send(200, { name: c.params.name, role });
				},
				DELETE: async (c) => {
					const me = await c.user();
					const self = me.name === c.params.name;
					requireRole(me.roles, c.params.ws!, self ? 'viewer' : 'admin');
					await setMemberRole(couch, c.params.ws!, c.params.name!, null);
					c.send(200, { ok: true });
				}
			}
		],
		[
			'/api/workspaces/:ws/invites',
			{
				POST: async (c) => {
					const me = await c.user();
					requireRole(me.roles, c.params.ws!, 'admin');
					await workspaceEntry(couch, c.params.ws!);
					const input = await c.body(inviteInput);
					c.send(
						201,
						await createInvite(couch, { ...input, workspace: c.params.ws!, createdBy: me.name })
					);
				}
			}
		],
		[
			'/api/invites/:token',
			{ GET: async (c) => c.send(200, await describeInvite(couch, c.params.token!)) }
		],
		[
			'/api/invites/:token/accept',
			{
				POST: async (c) => {
					const { name } = await c.user();
					c.send(200, await acceptInvite(couch, c.params.token!, name));
				}
			}
		]
	];
}
