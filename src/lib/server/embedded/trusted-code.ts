/**
 * The only code the embedded server runs on documents: TaskFlow's own validators, views
 * and filters, imported from `design-docs/` like any module. Stored design documents are
 * data here — served to clients, never compiled — so a design document written by anyone,
 * through any path, cannot run code in this process. Which code applies follows from the
 * database (`tf-ws-*`, `tf-user-*`, the registry) and the design document's id; what
 * CouchDB runs from the same documents' text is the same functions, stringified.
 */
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments';
import { MAX_DOC_BYTES } from '../../domain/schemas/doc-schemas';
import { MAX_CLOCK_AHEAD_MS } from '../../domain/hlc';
import { checkJsonSchema } from '../../../../design-docs/lib/json-schema-check.js';
import { registryViews } from '../../../../design-docs/lib/registry-views.js';
import { userRules } from '../../../../design-docs/lib/user-rules.js';
import { workspaceFilters } from '../../../../design-docs/lib/workspace-filters.js';
import { workspaceRules } from '../../../../design-docs/lib/workspace-rules.js';
import { workspaceViews } from '../../../../design-docs/lib/workspace-views.js';
import { MAX_USER_DOC_BYTES, userJsonSchemas } from '../../../../design-docs/user.ddoc';
import { workspaceJsonSchemas } from '../../../../design-docs/workspace.ddoc';

/** The user context a validator gets, with the database name, as CouchDB passes it. */
export interface ValidatorCtx {
	name: string | null;
	roles: string[];
	db?: string;
}
/** `validate_doc_update`'s signature; throws `{forbidden}` or `{unauthorized}` to refuse. */
export type Validator = (
	newDoc: unknown,
	oldDoc: unknown,
	userCtx: ValidatorCtx,
	secObj: unknown
) => void;
export type MapFn = (doc: unknown) => void;
export interface TrustedView {
	map: MapFn;
	reduce?: string;
}
export type Filter = (doc: unknown, req: unknown) => unknown;

const DDOC = '_design/taskflow';
const isWorkspaceDb = (db: string) => db.startsWith('tf-ws-');
const isUserDb = (db: string) => db.startsWith('tf-user-');

let workspaceSchemas: Record<string, unknown> | null = null;
let userSchemas: Record<string, unknown> | null = null;

/** The validator of database `db`, or null where only server admins write (no rules). */
export function validatorFor(db: string): Validator | null {
	if (isWorkspaceDb(db)) {
		workspaceSchemas ??= workspaceJsonSchemas();
		const schemas = workspaceSchemas;
		type Sec = Parameters<typeof workspaceRules>[3];
		return (n, o, u, s) =>
			workspaceRules(
				n,
				o,
				u,
				s as Sec,
				schemas,
				MAX_DOC_BYTES,
				checkJsonSchema,
				MAX_ATTACHMENT_BYTES,
				MAX_CLOCK_AHEAD_MS
			);
	}
	if (isUserDb(db)) {
		userSchemas ??= userJsonSchemas();
		const schemas = userSchemas;
		return (n, o, u) => userRules(n, o, u, schemas, MAX_USER_DOC_BYTES, checkJsonSchema);
	}
	return null;
}

/** The view `ddocId`/`view` of database `db`, when it is one of TaskFlow's. */
export function viewFor(db: string, ddocId: string, view: string): TrustedView | null {
	if (ddocId !== DDOC) return null;
	const views: Record<string, { map: MapFn; reduce?: string }> | null = isWorkspaceDb(db)
		? workspaceViews
		: db === 'tf-registry' || db.startsWith('tf-registry-')
			? registryViews
			: null;
	return views && Object.hasOwn(views, view) ? views[view]! : null;
}

/** The replication filter `taskflow/<name>` of database `db`, when it is one of TaskFlow's. */
export function filterFor(db: string, name: string): Filter | null {
	if (!isWorkspaceDb(db) || !name.startsWith('taskflow/')) return null;
	const key = name.slice('taskflow/'.length);
	return Object.hasOwn(workspaceFilters, key)
		? (workspaceFilters[key as keyof typeof workspaceFilters] as Filter)
		: null;
}
