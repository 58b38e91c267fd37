/**
 * `_design/taskflow` for workspace databases. Its `validate_doc_update` is generated from
 * the zod schemas (via JSON Schema), so the server refuses exactly what the UI refuses,
 * and carries the write rules of `lib/workspace-rules.js`.
 */
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../src/lib/domain/attachments';
import { MAX_DOC_BYTES, workspaceDocSchemas } from '../src/lib/domain/schemas/doc-schemas';
import { MAX_CLOCK_AHEAD_MS } from '../src/lib/domain/hlc';
import { checkJsonSchema } from './lib/json-schema-check.js';
import { workspaceViews } from './lib/workspace-views.js';
import { workspaceRules } from './lib/workspace-rules.js';
import { workspaceFilters } from './lib/workspace-filters.js';

/** A design document as stored in CouchDB (without `_rev`). */
export interface DesignDoc {
	_id: `_design/${string}`;
	language: 'javascript';
	validate_doc_update?: string;
	[field: string]: unknown;
}

/** JSON Schema of every workspace document type, keyed by `type`. */
export function workspaceJsonSchemas(): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(workspaceDocSchemas).map(([type, schema]) => {
			const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
			delete json.$schema;
			return [type, json];
		})
	);
}

/** The `validate_doc_update` source: one ES5 function expression, no outside references. */
export function workspaceValidateSource(): string {
	return [
		'function (newDoc, oldDoc, userCtx, secObj) {',
		`\tvar schemas = ${JSON.stringify(workspaceJsonSchemas())};`,
		`\tvar checkJsonSchema = ${checkJsonSchema.toString()};`,
		`\tvar rules = ${workspaceRules.toString()};`,
		`\treturn rules(newDoc, oldDoc, userCtx, secObj, schemas, ${MAX_DOC_BYTES}, checkJsonSchema, ${MAX_ATTACHMENT_BYTES}, ${MAX_CLOCK_AHEAD_MS});`,
		'}'
	].join('\n');
}

/** The views as CouchDB stores them: map functions as source text. */
export function workspaceViewSources(): Record<string, { map: string; reduce?: string }> {
	return Object.fromEntries(
		Object.entries(workspaceViews).map(([name, view]) => [
			name,
			view.reduce ? { map: view.map.toString(), reduce: view.reduce } : { map: view.map.toString() }
		])
	);
}

/**
 * Replication filters (`filter=taskflow/<name>` on `_changes`), as source text; see
 * lib/workspace-filters.js.
 */
export const WORKSPACE_FILTERS = {
	docs: workspaceFilters.docs.toString(),
	attachments: workspaceFilters.attachments.toString()
};

/** The workspace design document. */
export function workspaceDesignDoc(): DesignDoc {
	return {
		_id: '_design/taskflow',
		language: 'javascript',
		validate_doc_update: workspaceValidateSource(),
		views: workspaceViewSources(),
		filters: WORKSPACE_FILTERS
	};
}
