import { describe, expect, it } from 'vitest';
import { checkImportDoc } from './import-check';

const task = () => ({
	_id: 'task:01HZZZZZZZZZZZZZZZZZZZZZZZ',
	_rev: '3-abc',
	_conflicts: ['2-def'],
	type: 'task',
	project: 'project:01HZZZZZZZZZZZZZZZZZZZZZZY',
	title: 'Check the pumps',
	description: '',
	status: 'todo',
	priority: 'medium',
	assignee: null,
	reporter: 'ann',
	due: null,
	start: null,
	estimate: null,
	tags: [],
	parent: null,
	dependencies: [],
	rank: 'a0',
	completedAt: null,
	deletedAt: null,
	clocks: {},
	createdBy: 'ann',
	createdAt: '2026-01-02T03:04:05.000Z',
	updatedAt: '2026-01-02T03:04:05.000Z'
});

describe('checkImportDoc', () => {
	it('keeps content and _id, drops CouchDB bookkeeping', () => {
		const res = checkImportDoc(task(), 0);
		expect(res.ok).toBe(true);
		if (!res.ok) return;
		expect(res.doc._id).toBe('task:01HZZZZZZZZZZZZZZZZZZZZZZZ');
		expect(res.doc.title).toBe('Check the pumps');
		expect(res.doc).not.toHaveProperty('_rev');
		expect(res.doc).not.toHaveProperty('_conflicts');
	});

	it('keeps inline attachments with their data', () => {
		const doc = {
			...task(),
			_attachments: { 'a.txt': { content_type: 'text/plain', data: 'aGk=', digest: 'md5-x' } }
		};
		const res = checkImportDoc(doc, 0);
		expect(res.ok && res.doc._attachments).toEqual({
			'a.txt': { content_type: 'text/plain', data: 'aGk=' }
		});
	});

	it('skips attachment stubs and bad base64 with a reason', () => {
		const stub = { ...task(), _attachments: { 'a.txt': { content_type: 'x/y', stub: true } } };
		expect(checkImportDoc(stub, 0)).toMatchObject({ ok: false, reason: /not in the export/ });
		const bad = { ...task(), _attachments: { 'a.txt': { content_type: 'x/y', data: '!!' } } };
		expect(checkImportDoc(bad, 0)).toMatchObject({ ok: false, reason: /not base64/ });
	});

	it('skips invalid documents naming the field', () => {
		const res = checkImportDoc({ ...task(), status: 'nope' }, 0);
		expect(res).toMatchObject({ ok: false, id: 'task:01HZZZZZZZZZZZZZZZZZZZZZZZ' });
		expect(!res.ok && res.reason).toMatch(/^task\.status: /);
	});

	it('skips unknown types, design, local and deleted documents, and non-documents', () => {
		expect(checkImportDoc({ _id: 'x:1', type: 'x' }, 0)).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/unknown document type/) as string
		});
		expect(checkImportDoc({ _id: '_design/taskflow' }, 0)).toMatchObject({ ok: false });
		expect(checkImportDoc({ _id: '_local/x' }, 0)).toMatchObject({ ok: false });
		expect(checkImportDoc({ ...task(), _deleted: true }, 0)).toMatchObject({
			ok: false,
			reason: 'deleted document'
		});
		expect(checkImportDoc('nope', 4)).toEqual({
			ok: false,
			id: '#5',
			reason: 'not a document with an _id'
		});
	});

	it('skips documents over the size limit', () => {
		const res = checkImportDoc({ ...task(), description: 'x'.repeat(70_000) }, 0);
		expect(res.ok).toBe(false);
	});
});
