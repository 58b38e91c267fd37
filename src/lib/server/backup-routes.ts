/**
 * Workspace backup on the server side:
 *
 * - `POST /api/workspaces/:ws/import` `{ offset, docs }` → `{ written, alreadyThere,
 *   skipped: [{ id, reason }] }`. The client sends an export in batches.
 * - `POST /api/workspaces/:ws/import/done` closes the import.
 *
 * Imported documents keep their authors, so they are written with the server's rights:
 * only into a workspace made for the import (`POST /api/workspaces {name, forImport}`), by
 * the person who made it, within a day of making it and before they said it is done. An
 * existing workspace never takes documents written in other people's names.
 *
 * Exports need no server: every member already holds the workspace's documents on the device.
 */
import type { ServerScope } from 'nano';
import { REGISTRY_DB, statusOf, type WorkspaceEntry } from '../../../couchdb/provision';
import type { ApiDeps, Route } from './api-router';
import { IMPORT_BODY_LIMIT } from '../domain/backup/import-batches';
import { HttpError } from './http-json';
import { requireRole } from './members-service';
import { importBatch, importInput } from './workspace-import';
import type { MembershipStore } from './workspace-members';

/** The entry of `ws`, if `name` may import into it now; else the reason, as an error. */
async function openImport(
	members: MembershipStore,
	ws: string,
	name: string
): Promise<WorkspaceEntry> {
	await requireRole(members, ws, name, 'admin');
	const entry = await members.require(ws);
	const open = entry.importing;
	if (!open || open.by !== name || Date.parse(open.until) <= Date.now()) {
		throw new HttpError(
			409,
			'conflict',
			'An export is imported into a new workspace made for it (Export and import → Import), by whoever made it, within a day. This workspace is not open for an import.'
		);
	}
	return entry;
}

/** Removes the import window (again on a fresh read if the entry changed meanwhile). */
async function closeImport(
	couch: ServerScope,
	members: MembershipStore,
	ws: string
): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		const { importing: _closed, ...rest } = await members.require(ws);
		try {
			await couch.use<WorkspaceEntry>(REGISTRY_DB).insert(rest);
			return;
		} catch (err) {
			if (statusOf(err) !== 409 || attempt >= 5) throw err;
		}
	}
}

export function backupRoutes({ couch, members }: ApiDeps): Route[] {
	return [
		[
			'/api/workspaces/:ws/import',
			{
				POST: async (c) => {
					await openImport(members, c.params.ws!, (await c.user()).name);
					const input = await c.body(importInput, IMPORT_BODY_LIMIT);
					c.send(200, await importBatch(couch, c.params.ws!, input));
				}
			}
		],
		[
			'/api/workspaces/:ws/import/done',
			{
				POST: async (c) => {
					await openImport(members, c.params.ws!, (await c.user()).name);
					await closeImport(couch, members, c.params.ws!);
					c.send(200, { ok: true });
				}
			}
		]
	];
}
