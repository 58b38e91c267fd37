/**
 * Design document functions must stay ES5: CouchDB runs them in QuickJS or in whichever
 * SpiderMonkey its package was built with (1.8.5, 60, 68, 78, 86 or 91, per CouchDB's
 * "JavaScript development tips"). 1.8.5 is ES5 only, and 60 and 68 predate `??` and `?.`;
 * an older engine fails the design document with a compilation error. The sources are
 * written in `design-docs/lib/*.js` and stored via `Function.prototype.toString`, so no
 * build step lowers their syntax: this parses each stored source as ES5.
 */
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { registryDesignDoc } from '../../../design-docs/registry.ddoc';
import { userDesignDoc } from '../../../design-docs/user.ddoc';
import { workspaceDesignDoc, type DesignDoc } from '../../../design-docs/workspace.ddoc';

/** Why `source` is not an ES5 function expression (with the offending line), or null. */
function es5Problem(source: string): string | null {
	try {
		// Parenthesised: a bare `function (doc) {…}` is not a valid statement.
		parse(`(${source})`, { ecmaVersion: 5 });
		return null;
	} catch (err) {
		const { message, loc } = err as SyntaxError & { loc?: { line: number } };
		const line = loc ? `(${source})`.split('\n')[loc.line - 1]?.trim() : undefined;
		return line ? `${message}: ${line}` : message;
	}
}

/**
 * Every function source of a design document, keyed by its path in the document (e.g.
 * `views.lead_times.map`). Walks the whole document, so functions added later under new
 * fields are checked too; built-in reduces such as `_sum` are names, not code.
 */
function functionSources(ddoc: DesignDoc): Record<string, string> {
	const found: Record<string, string> = {};
	const walk = (value: unknown, path: string) => {
		if (typeof value === 'string') {
			if (/^\s*function\b/.test(value)) found[path] = value;
		} else if (value && typeof value === 'object') {
			for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
		}
	};
	walk(ddoc, '');
	return found;
}

const ddocs = {
	workspace: workspaceDesignDoc(),
	user: userDesignDoc(),
	registry: registryDesignDoc()
};

describe('design documents are ES5', () => {
	it('finds every function the design documents carry', () => {
		const workspace = Object.keys(functionSources(ddocs.workspace));
		const views = Object.keys(ddocs.workspace.views as object);
		expect(workspace).toEqual(
			expect.arrayContaining([
				'validate_doc_update',
				...views.map((v) => `views.${v}.map`),
				'filters.docs',
				'filters.attachments'
			])
		);
		expect(views.length).toBeGreaterThan(0);
		expect(Object.keys(functionSources(ddocs.user))).toEqual(['validate_doc_update']);
		expect(Object.keys(functionSources(ddocs.registry))).toEqual(['views.by_member.map']);
	});

	for (const [name, ddoc] of Object.entries(ddocs)) {
		it.each(Object.entries(functionSources(ddoc)))(`${name}: %s parses as ES5`, (_, source) => {
			expect(es5Problem(source)).toBeNull();
		});
	}

	it('would catch syntax newer than ES5', () => {
		for (const newer of [
			'function (doc) { emit(doc.due ?? null, 1); }',
			'function (doc) { emit(doc.project?.id, 1); }',
			'function (doc) { let n = 1; emit(n, 1); }',
			'function (doc) { [1].forEach((n) => emit(n, 1)); }',
			'function (doc) { emit(`${doc._id}`, 1); }'
		]) {
			expect(es5Problem(newer), newer).not.toBeNull();
		}
		expect(es5Problem('function (doc) { if (doc.due) emit(doc.due, null); }')).toBeNull();
	});
});
