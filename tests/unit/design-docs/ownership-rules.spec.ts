import { describe, expect, it } from 'vitest';
import { userDesignDoc } from '../../../design-docs/user.ddoc';
import { workspaceDesignDoc } from '../../../design-docs/workspace.ddoc';
import { defaultPrefs } from '../../../src/lib/domain/schemas/prefs.schema';
import { userDbName } from '../../../src/lib/domain/ids';
import { secObjFor, validDocs, withChange } from './doc-fixtures';

type Doc = Record<string, unknown>;
type Validate = (newDoc: Doc, oldDoc: Doc | null, userCtx: object, secObj: object) => void;

/** Compiles a validator source the way CouchDB does: alone, without this module's scope. */
const compile = (source: string) =>
	// eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- compiling the ddoc source is the point
	new Function(`return (${source});`)() as Validate;

function verdict(
	validate: Validate,
	doc: Doc,
	old: Doc | null,
	ctx: Parameters<typeof secObjFor>[0]
): object | null {
	try {
		validate(doc, old, ctx, secObjFor(ctx));
		return null;
	} catch (e) {
		return e as object;
	}
}

const WS = '01hzx3k9q8r7m6n5p4v3w2y1ab';
const ws = compile(workspaceDesignDoc().validate_doc_update!);
const member = (name: string) => ({ name, roles: [`ws.${WS}.member`], db: `tf-ws-${WS}` });

describe('time entries belong to their user', () => {
	const entry = validDocs.time!;

	it('are created by their user only', () => {
		expect(verdict(ws, entry, null, member('alice'))).toBeNull();
		expect(verdict(ws, { ...entry, createdBy: 'bob' }, null, member('bob'))).toEqual({
			forbidden: 'time.user: must be you'
		});
	});

	it('are edited and deleted by their user only, who cannot hand them over', () => {
		expect(verdict(ws, { ...entry, note: 'pumps' }, entry, member('alice'))).toBeNull();
		expect(verdict(ws, { ...entry, note: 'pumps' }, entry, member('bob'))).toEqual({
			forbidden: 'time.user: only its user may edit a time entry'
		});
		expect(verdict(ws, { ...entry, user: 'bob' }, entry, member('alice'))).toEqual({
			forbidden: 'time.user: cannot change'
		});
		const del = { _id: entry._id, _rev: '2-x', _deleted: true };
		expect(verdict(ws, del, entry, member('bob'))).toHaveProperty('forbidden');
		expect(verdict(ws, del, entry, member('alice'))).toBeNull();
	});
});

describe('time entry spans', () => {
	const entry = validDocs.time!;
	const span = (start: string, end: string | null, minutes: number) =>
		verdict(ws, { ...entry, start, end, minutes }, null, member('alice'));

	it('keep end after start, at most a day, with minutes that match', () => {
		expect(span('2026-11-16T09:00:00+01:00', '2026-11-16T10:30:00+01:00', 90)).toBeNull();
		// The same instant written with another offset is the same span.
		expect(span('2026-11-16T09:00:00+01:00', '2026-11-16T08:30:00Z', 30)).toBeNull();
		expect(span('2026-11-16T09:00:00+01:00', '2026-11-16T09:00:00+01:00', 0)).toEqual({
			forbidden: 'time.end: must be after start'
		});
		expect(span('2026-11-16T09:00:00+01:00', '2026-11-17T09:01:00+01:00', 1440)).toEqual({
			forbidden: 'time.end: an entry cannot be longer than 24 hours'
		});
		expect(span('2026-11-16T09:00:00+01:00', '2026-11-16T10:00:00+01:00', 61)).toEqual({
			forbidden: 'time.minutes: must match start and end'
		});
		expect(span('2026-11-16T09:00:00+01:00', null, 5)).toEqual({
			forbidden: 'time.minutes: must be 0 while the timer runs'
		});
	});
});

describe('project rates', () => {
	const project = validDocs.project!;
	const admin = (name: string) => ({ name, roles: [`ws.${WS}.admin`], db: `tf-ws-${WS}` });

	it('are set by workspace admins only', () => {
		const rated = { ...project, rate: 80, memberRates: { bob: 95 } };
		expect(verdict(ws, rated, project, admin('alice'))).toBeNull();
		expect(verdict(ws, rated, project, member('alice'))).toEqual({
			forbidden: 'project.rate: only workspace admins set rates'
		});
		expect(verdict(ws, { ...rated, memberRates: { bob: 96 } }, rated, member('alice'))).toEqual({
			forbidden: 'project.rate: only workspace admins set rates'
		});
		// Members still edit everything else about a project that has rates.
		expect(verdict(ws, { ...rated, name: 'Pumps' }, rated, member('alice'))).toBeNull();
	});
});

describe('prototype-pollution keys', () => {
	it.each(['__proto__', 'constructor', 'prototype'])('refuses %s at any depth', (key) => {
		const top = JSON.parse(
			JSON.stringify(validDocs.task).replace('{', `{"${key}":{"x":1},`)
		) as Doc;
		const nested = withChange('task', {});
		nested.clocks = JSON.parse(`{"${key}":"00lvq3k2a-0000-abc123"}`) as Doc;
		expect(verdict(ws, top, null, member('alice'))).toEqual({
			forbidden: `doc.${key}: key is not allowed`
		});
		expect(verdict(ws, nested, null, member('alice'))).toEqual({
			forbidden: `doc.clocks.${key}: key is not allowed`
		});
	});
});

describe('user database validate_doc_update', () => {
	const validate = compile(userDesignDoc().validate_doc_update!);
	const ctx = (name: string | null, db = userDbName('alice'), roles: string[] = []) => ({
		name,
		roles,
		db
	});
	const prefs = defaultPrefs('alice', '2026-01-01T10:00:00.000Z') as Doc;

	it('lets its user write valid preferences only', () => {
		expect(verdict(validate, prefs, null, ctx('alice'))).toBeNull();
		expect(verdict(validate, { ...prefs, theme: 'neon' }, null, ctx('alice'))).toEqual({
			forbidden: 'prefs.theme: must be one of ["system","light","dark"]'
		});
		expect(verdict(validate, { _id: 'x', type: 'task' }, null, ctx('alice'))).toHaveProperty(
			'forbidden'
		);
		expect(verdict(validate, { ...prefs, createdBy: 'bob' }, null, ctx('alice'))).toHaveProperty(
			'forbidden'
		);
	});

	it('refuses other users and anonymous writers', () => {
		expect(verdict(validate, prefs, null, ctx('bob'))).toHaveProperty('unauthorized');
		expect(verdict(validate, prefs, null, ctx(null))).toHaveProperty('unauthorized');
		expect(verdict(validate, prefs, null, ctx('root', 'tf-user-00', ['_admin']))).toBeNull();
	});

	it('leaves notifications to the server, except marking them read', () => {
		const n = { _id: 'notification:1', type: 'notification', task: 't', readAt: null };
		expect(verdict(validate, n, null, ctx('alice'))).toHaveProperty('forbidden');
		expect(verdict(validate, n, null, ctx('root', 'tf-user-00', ['_admin']))).toBeNull();
		expect(verdict(validate, { ...n, readAt: 'now' }, n, ctx('alice'))).toBeNull();
		expect(verdict(validate, { ...n, task: 'other' }, n, ctx('alice'))).toEqual({
			forbidden: 'notification.task: only readAt may change'
		});
		expect(verdict(validate, { _id: n._id, _deleted: true }, n, ctx('alice'))).toBeNull();
	});
});
