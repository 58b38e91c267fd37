import { describe, expect, it } from 'vitest';
import { docBytes, MAX_DOC_BYTES } from '../../../src/lib/domain/schemas/doc-schemas';
import { validationErrors } from '../../../src/lib/domain/validation';
import { workspaceDesignDoc } from '../../../design-docs/workspace.ddoc';
import { invalidChanges, secObjFor, T, validDocs, withChange } from './doc-fixtures';

type Doc = Record<string, unknown>;
type Validate = (newDoc: Doc, oldDoc: Doc | null, userCtx: object, secObj: object) => void;

const WS = '01hzx3k9q8r7m6n5p4v3w2y1ab';
const source = workspaceDesignDoc().validate_doc_update!;
// Evaluated the way CouchDB does: the source alone, with no access to this module's scope.
// eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- compiling the ddoc source is the point
const validate = new Function(`return (${source});`)() as Validate;

const ctx = (name: string | null, roles: string[]) => ({ name, roles, db: `tf-ws-${WS}` });
const alice = ctx('alice', [`ws.${WS}.member`]);
const bob = ctx('bob', [`ws.${WS}.admin`]);
const admin = ctx('root', ['_admin']);

/** What the validator throws, or null when it accepts. */
function verdict(newDoc: Doc, oldDoc: Doc | null, userCtx: object): object | null {
	try {
		validate(newDoc, oldDoc, userCtx, secObjFor(userCtx));
		return null;
	} catch (e) {
		return e as object;
	}
}

describe('workspace validate_doc_update', () => {
	it('is a single ES5 function expression', () => {
		expect(source.startsWith('function (newDoc, oldDoc, userCtx, secObj)')).toBe(true);
		expect(source).not.toMatch(/=>|\blet\s|`/);
	});

	it.each(Object.keys(validDocs))('lets a member create a valid %s', (type) => {
		expect(verdict(validDocs[type]!, null, alice)).toBeNull();
	});

	it.each(invalidChanges)(
		'refuses %s (%s) with a forbidden naming the field',
		(_l, type, change) => {
			const err = verdict(withChange(type, change), null, alice) as { forbidden?: string };
			expect(err?.forbidden).toMatch(/^(task|project|comment|time|activity)\.[\w.]+: /);
		}
	);

	it('names the field in the message', () => {
		expect(verdict(withChange('task', { title: 'x'.repeat(201) }), null, alice)).toEqual({
			forbidden: 'task.title: at most 200 characters'
		});
		expect(verdict(withChange('task', { status: undefined }), null, alice)).toEqual({
			forbidden: 'task.status: required'
		});
	});

	it('schema-checks server admins too, but skips authorization for them', () => {
		expect(verdict(withChange('task', { status: 'x' }), null, admin)).toHaveProperty('forbidden');
		expect(verdict(withChange('task', { createdBy: 'zed' }), null, admin)).toBeNull();
	});

	it('refuses viewers, outsiders, anonymous users and other workspaces', () => {
		const task = validDocs.task!;
		expect(verdict(task, null, ctx('alice', [`ws.${WS}.viewer`]))).toHaveProperty('unauthorized');
		expect(verdict(task, null, ctx('alice', []))).toHaveProperty('unauthorized');
		expect(verdict(task, null, ctx(null, []))).toHaveProperty('unauthorized');
		expect(verdict(task, null, ctx('alice', ['ws.other.admin']))).toHaveProperty('unauthorized');
		expect(
			verdict(task, null, { name: 'alice', roles: [`ws.${WS}.admin`], db: 'x' })
		).toHaveProperty('unauthorized');
	});

	it("refuses a clock set far ahead of the server's time, and keeps older ones", () => {
		const hlc = (ms: number) => `${ms.toString(36).padStart(9, '0')}-0000-dev1`;
		const task = validDocs.task!;
		const ahead = {
			...task,
			clocks: { ...(task.clocks as object), title: hlc(Date.now() + 86_400_000) }
		};
		expect(verdict(ahead, null, alice)).toEqual({
			forbidden: "task.clocks.title: ahead of the server's time; check this device's clock"
		});
		const soon = {
			...task,
			clocks: { ...(task.clocks as object), title: hlc(Date.now() + 60_000) }
		};
		expect(verdict(soon, null, alice)).toBeNull();
		// A clock the stored revision already had is not this write's doing.
		const old = { ...ahead, _rev: '1-a' };
		expect(verdict({ ...ahead, priority: 'high' }, old, alice)).toBeNull();
	});

	it('refuses unknown types and oversized documents', () => {
		expect(verdict({ _id: 'x', type: 'nope' }, null, alice)).toEqual({
			forbidden: 'doc.type: unknown document type "nope"'
		});
		expect(verdict({ _id: 'x' }, null, alice)).toHaveProperty('forbidden');
		const big = withChange('project', { description: 'x'.repeat(4000), clocks: {} });
		const clocks: Record<string, string> = {};
		for (let i = 0; i < 10_000; i++) clocks[`f${i}`] = '00lvq3k2a-0000-abc123';
		big.clocks = clocks;
		expect(JSON.stringify(big).length).toBeGreaterThan(MAX_DOC_BYTES);
		expect((verdict(big, null, alice) as { forbidden: string }).forbidden).toMatch(/larger than/);
	});

	it('counts a document the way the device does: both refuse the same bytes', () => {
		// Multi-byte text near the limit, in three scripts: the device must refuse exactly what
		// the server refuses, or a change would be stored here and never sync.
		const base = validDocs.activity!;
		for (const unit of ['é', '漢', '😀']) {
			const room = MAX_DOC_BYTES - docBytes({ ...base, to: '' });
			const fits = unit.repeat(Math.floor(room / new TextEncoder().encode(unit).length));
			const cases: [Record<string, unknown>, boolean][] = [
				[{ ...base, to: fits }, true],
				[{ ...base, to: `${fits}${unit}` }, false],
				[
					{ ...base, to: fits, _rev: '1-abc', _revisions: { start: 1, ids: ['x'.repeat(9000)] } },
					true
				]
			];
			for (const [doc, accepted] of cases) {
				expect(docBytes(doc) <= MAX_DOC_BYTES, unit).toBe(accepted);
				expect(verdict(doc, null, alice) === null, unit).toBe(accepted);
				expect(validationErrors(doc) === null, unit).toBe(accepted);
			}
		}
	});

	it('ignores CouchDB fields such as _rev, _revisions and _attachments', () => {
		const doc = {
			...validDocs.task!,
			_rev: '1-a',
			_revisions: { start: 1, ids: ['a'] },
			_attachments: {}
		};
		expect(verdict(doc, null, alice)).toBeNull();
	});

	it('pins createdBy to the creator', () => {
		const byBob = withChange('task', { createdBy: 'bob' });
		expect(verdict(byBob, null, alice)).toEqual({
			forbidden: 'task.createdBy: must be you when creating'
		});
		expect(verdict(byBob, validDocs.task!, bob)).toEqual({
			forbidden: 'task.createdBy: cannot change'
		});
		expect(verdict(withChange('task', { title: 'New' }), validDocs.task!, bob)).toBeNull();
		expect(verdict(validDocs.task!, { ...validDocs.task!, _deleted: true }, alice)).toBeNull();
	});

	it('lets only the author create, edit and delete a comment', () => {
		const c = validDocs.comment!;
		expect(verdict(c, null, bob)).toHaveProperty('forbidden');
		expect(verdict({ ...c, body: 'edit' }, c, alice)).toBeNull();
		expect(verdict({ ...c, body: 'edit' }, c, bob)).toEqual({
			forbidden: 'comment.author: only the author may edit a comment'
		});
		const del = { _id: c._id as string, _rev: '2-x', _deleted: true };
		expect(verdict(del, c, bob)).toHaveProperty('forbidden');
		expect(verdict(del, c, alice)).toBeNull();
		expect(verdict(del, c, admin)).toBeNull();
	});

	it('keeps activity append-only and pinned to its actor', () => {
		const a = validDocs.activity!;
		expect(verdict(withChange('activity', { actor: 'bob' }), null, alice)).toEqual({
			forbidden: 'activity.actor: must be you'
		});
		expect(verdict({ ...a, to: 'x' }, a, alice)).toHaveProperty('forbidden');
		expect(verdict({ ...a, to: 'x' }, a, admin)).toHaveProperty('forbidden');
		expect(verdict({ _id: a._id, _deleted: true }, a, alice)).toHaveProperty('forbidden');
		expect(verdict({ _id: a._id, _deleted: true }, null, admin)).toHaveProperty('forbidden');
	});

	it('allows deleting tasks and projects', () => {
		const t = validDocs.task!;
		expect(verdict({ _id: t._id, _rev: '2-y', _deleted: true }, t, bob)).toBeNull();
		expect(verdict({ _id: 'task:x', _deleted: true }, null, bob)).toBeNull();
	});

	it('keeps content out of deletions, whatever their revision history', () => {
		const t = validDocs.task!;
		// A replicated deletion carries the task's whole history of revision ids.
		const ids = Array.from({ length: 1000 }, (_, i) => `${i}`.padStart(32, 'a'));
		const history = { _revisions: { start: 1000, ids } };
		expect(verdict({ _id: t._id, _deleted: true, ...history }, t, bob)).toBeNull();
		const kept = { _id: t._id, _deleted: true, title: t.title, project: t.project };
		expect(verdict(kept, t, bob)).toBeNull();
		const junk = { _id: t._id, _deleted: true, junk: 'x'.repeat(5000) };
		expect(verdict(junk, t, bob)).toEqual({ forbidden: 'doc.(deletion): larger than 4096 bytes' });
	});

	it('lets people set only their own watch', () => {
		const w = validDocs.watch!;
		expect(verdict({ ...w, user: 'bob' }, null, alice)).toEqual({
			forbidden: 'watch.user: must be you'
		});
		expect(verdict({ ...w, _id: `watch:${T}:bob` }, null, alice)).toEqual({
			forbidden: 'watch._id: must be watch:<task>:<you>'
		});
		expect(verdict({ ...w, on: false }, w, alice)).toBeNull();
		expect(verdict({ _id: w._id, _deleted: true }, w, bob)).toHaveProperty('forbidden');
	});

	it('leaves burn-down snapshots to the server', () => {
		const snap = {
			_id: `snapshot:${T}:2026-11-20`,
			type: 'snapshot',
			project: `project:${T}`,
			day: '2026-11-20',
			counts: { todo: 3, in_progress: 1, review: 0, done: 4 },
			remainingEstimate: 6.5,
			takenAt: '2026-11-20T23:59:00Z'
		};
		expect(verdict(snap, null, admin)).toBeNull();
		expect(verdict(snap, null, bob)).toEqual({
			unauthorized: 'snapshots are written by the server'
		});
		expect(verdict({ ...snap, remainingEstimate: 0 }, snap, alice)).toHaveProperty('unauthorized');
		expect(verdict({ _id: snap._id, _deleted: true }, snap, bob)).toHaveProperty('unauthorized');
		expect(verdict({ ...snap, counts: { todo: -1 } }, null, admin)).toHaveProperty('forbidden');
	});

	it('leaves design documents to server admins', () => {
		expect(verdict({ _id: '_design/x' }, null, alice)).toHaveProperty('unauthorized');
		expect(verdict({ _id: '_design/x' }, null, admin)).toBeNull();
	});
});
