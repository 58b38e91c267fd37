/**
 * Replication filters of the workspace design document (`filter=taskflow/<name>` on
 * `_changes`): devices pull attachment documents, which carry files, in their own
 * replication so a big photo never holds up tasks and comments (see
 * src/lib/db/sync-engine.ts). Deletions keep their `_id`, so both filters see them. ES5:
 * CouchDB runs them as stored text; the embedded server runs these functions.
 */

/** @param {{ _id: string }} doc */
export function docs(doc) {
	return doc._id.indexOf('attachment:') !== 0;
}

/** @param {{ _id: string }} doc */
export function attachments(doc) {
	return doc._id.indexOf('attachment:') === 0;
}

export var workspaceFilters = { docs: docs, attachments: attachments };
