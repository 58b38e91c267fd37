/**
 * Workspace backup on the server side:
 *
 * - `POST /api/workspaces/:ws/import` `{ offset, docs }` (admins of `:ws`) → `{ written,
 *   alreadyThere, skipped: [{ id, reason }] }`. The client sends an export in batches.
 *
 * Exports need no server: every member already holds the workspace's documents on the device.
 */
import type { ApiDeps, Route } from './api-router';
import { IMPORT_BODY_LIMIT } from '../domain/backup/import-batches';
import { requireRole } from './members-service';
import { importBatch, importInput } from './workspace-import';

export function backupRoutes({ couch, members }: ApiDeps): Route[] {
	return [
		[
			'/api/workspaces/:ws/import',
			{
				POST: async (c) => {
					await requireRole(members, c.params.ws!, (await c.user()).name, 'admin');
					const input = await c.body(importInput, IMPORT_BODY_LIMIT);
					c.send(200, await importBatch(couch, c.params.ws!, input));
				}
			}
		]
	];
}
