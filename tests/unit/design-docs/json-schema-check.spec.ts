import { describe, expect, it } from 'vitest';
import { workspaceDocSchemas } from '../../../src/lib/domain/schemas/doc-schemas';
import { checkJsonSchema } from '../../../design-docs/lib/json-schema-check.js';
import { workspaceJsonSchemas } from '../../../design-docs/workspace.ddoc';
import { invalidChanges, validDocs, withChange } from './doc-fixtures';

const check = (schema: unknown, value: unknown) => checkJsonSchema(schema, value, 'x');

describe('checkJsonSchema', () => {
	it('treats {} and true as any', () => {
		expect(check({}, { a: [1] })).toBeNull();
		expect(check(true, null)).toBeNull();
		expect(check(false, 1)).toBe('x: is not allowed');
	});

	it('checks types, including integer, null and type lists', () => {
		expect(check({ type: 'integer' }, 3)).toBeNull();
		expect(check({ type: 'integer' }, 3.5)).toBe('x: must be integer');
		expect(check({ type: 'number' }, 3.5)).toBeNull();
		expect(check({ type: 'null' }, null)).toBeNull();
		expect(check({ type: 'object' }, [])).toBe('x: must be object');
		expect(check({ type: 'array' }, [])).toBeNull();
		expect(check({ type: ['boolean', 'null'] }, null)).toBeNull();
		expect(check({ type: ['boolean', 'null'] }, 0)).toBe('x: must be boolean or null');
	});

	it('checks const, enum, string and number bounds', () => {
		expect(check({ const: 'task' }, 'task')).toBeNull();
		expect(check({ const: 'task' }, 'project')).toBe('x: must be "task"');
		expect(check({ enum: ['a', 'b'] }, 'c')).toBe('x: must be one of ["a","b"]');
		expect(check({ minLength: 2 }, 'a')).toBe('x: at least 2 characters');
		expect(check({ minLength: 1 }, '')).toBe('x: required');
		expect(check({ maxLength: 2 }, 'abc')).toBe('x: at most 2 characters');
		expect(check({ pattern: '^a+$' }, 'ab')).toBe('x: does not match ^a+$');
		expect(check({ pattern: '\\S' }, ' b ')).toBeNull();
		expect(check({ minimum: 0 }, -1)).toBe('x: must be >= 0');
		expect(check({ maximum: 1 }, 2)).toBe('x: must be <= 1');
	});

	it('checks arrays and objects with paths', () => {
		const arr = { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 };
		expect(check(arr, [])).toBe('x: at least 1 items');
		expect(check(arr, ['a', 'b', 'c'])).toBe('x: at most 2 items');
		expect(check(arr, ['a', 2])).toBe('x.1: must be string');
		const obj = {
			type: 'object',
			properties: { a: { type: 'string' } },
			required: ['a'],
			additionalProperties: false
		};
		expect(check(obj, {})).toBe('x.a: required');
		expect(check(obj, { a: 's', b: 1 })).toBe('x.b: is not allowed');
		const rec = {
			type: 'object',
			propertyNames: { pattern: '^[a-z]+$' },
			additionalProperties: { type: 'number' }
		};
		expect(check(rec, { ab: 1 })).toBeNull();
		expect(check(rec, { AB: 1 })).toBe('x.AB: does not match ^[a-z]+$');
		expect(check(rec, { ab: 'no' })).toBe('x.ab: must be number');
	});

	it('explains anyOf failures by the branch of the value type, and counts oneOf matches', () => {
		const nullableDate = { anyOf: [{ type: 'string', pattern: '^\\d{4}$' }, { type: 'null' }] };
		expect(check(nullableDate, null)).toBeNull();
		expect(check(nullableDate, 'abcd')).toBe('x: does not match ^\\d{4}$');
		expect(check(nullableDate, 5)).toBe('x: does not match any allowed form');
		const one = { oneOf: [{ type: 'number' }, { minimum: 0 }] };
		expect(check(one, -1)).toBeNull();
		expect(check(one, 1)).toBe('x: matches more than one allowed form');
	});

	it('is ES5: no arrows, let, const or template strings in the source', () => {
		const src = checkJsonSchema.toString();
		expect(src).not.toMatch(/=>|\blet\b|\bconst\b(?!['\]])|`/);
	});
});

describe('zod and the JSON Schema checker agree', () => {
	const schemas = workspaceJsonSchemas();
	const zodOk = (type: string, doc: unknown) =>
		workspaceDocSchemas[type as keyof typeof workspaceDocSchemas].safeParse(doc).success;

	it.each(Object.keys(validDocs))('accepts the valid %s', (type) => {
		const doc = validDocs[type];
		expect(zodOk(type, doc)).toBe(true);
		expect(checkJsonSchema(schemas[type], doc, '')).toBeNull();
	});

	it.each(invalidChanges)('refuses %s (%s)', (_label, type, change) => {
		const doc = withChange(type, change);
		expect(zodOk(type, doc)).toBe(false);
		expect(checkJsonSchema(schemas[type], doc, '')).toMatch(/^\S.*: .+/);
	});
});
