/**
 * Members and invites of a workspace:
 *
 * - `GET /api/workspaces/:ws/members` → `[{ name, role }]` (any member)
 * - `PUT /api/workspaces/:ws/members/:name` `{ role }` (admins; `owner` hands ownership on,
 *   the owner only)
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
import { listMembers, requireRole, setMemberRole } from './members-service';

export function memberRoutes({ couch, members }: ApiDeps): Route[] {
	return [
		[
			'/api/workspaces/:ws/members',
			{
				GET: async (c) => {
					await requireRole(members, c.params.ws!, (await c.user()).name, 'viewer');
					c.send(200, await listMembers(members, c.params.ws!));
				}
			}
		],
		[
			'/api/workspaces/:ws/members/:name',
			{
				PUT: async (c) => {
					const me = await c.user();
					await requireRole(members, c.params.ws!, me.name, 'viewer');
					const { role } = await c.body(roleInput);
					await setMemberRole(members, c.params.ws!, me.name, c.params.name!, role);
					c.send(200, { name: c.params.name, role });
				},
				DELETE: async (c) => {
					const me = await c.user();
					await requireRole(members, c.params.ws!, me.name, 'viewer');
					await setMemberRole(members, c.params.ws!, me.name, c.params.name!, null);
					c.send(200, { ok: true });
				}
			}
		],
		[
			'/api/workspaces/:ws/invites',
			{
				POST: async (c) => {
					const me = await c.user();
					await requireRole(members, c.params.ws!, me.name, 'admin');
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
			{ GET: async (c) => c.send(200, await describeInvite(couch, members, c.params.token!)) }
		],
		[
			'/api/invites/:token/accept',
			{
				POST: async (c) => {
					const { name } = await c.user();
					c.send(200, await acceptInvite(couch, members, c.params.token!, name));
				}
			}
		]
	];
}
