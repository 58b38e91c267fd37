/**
 * `_design/taskflow` for a user's private database: `validate_doc_update` generated from the
 * zod schemas of the documents a user writes there (`prefs`), with `lib/user-rules.js`.
 */
import { z } from 'zod';
import { userDocSchemas } from '../src/lib/domain/schemas/prefs.schema';
import { checkJsonSchema } from './lib/json-schema-check.js';
import { userRules } from './lib/user-rules.js';
import type { DesignDoc } from './workspace.ddoc';

/** Largest JSON size of one preferences document. */
export const MAX_USER_DOC_BYTES = 16 * 1024;

/** JSON Schema of every document type of a private database, keyed by `type`. */
export function userJsonSchemas(): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(userDocSchemas).map(([type, schema]) => {
			const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
			delete json.$schema;
			return [type, json];
		})
	);
}

/** The `validate_doc_update` source: one ES5 function expression, no outside references. */
export function userValidateSource(): string {
	const schemas = userJsonSchemas();
	return [
		'function (newDoc, oldDoc, userCtx, secObj) {',
		`\tvar schemas = ${JSON.stringify(schemas)};`,
		`\tvar checkJsonSchema = ${checkJsonSchema.toString()};`,
		`\tvar rules = ${userRules.toString()};`,
		`\treturn rules(newDoc, oldDoc, userCtx, schemas, ${MAX_USER_DOC_BYTES}, checkJsonSchema);`,
		'}'
	].join('\n');
}

/** The user database design document. */
export function userDesignDoc(): DesignDoc {
	return {
		_id: '_design/taskflow',
		language: 'javascript',
		validate_doc_update: userValidateSource()
	};
}
