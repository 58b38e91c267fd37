import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments';
import { checkBody } from './door-bodies';

const ok = (r: ReturnType<typeof checkBody>) => r.ok;

describe('checkBody', () => {
	it('takes a sign-in only with a string name and password', () => {
		expect(ok(checkBody('session', { name: 'ann', password: 'pw' }, null))).toBe(true);
		for (const body of [
			{ name: ['ann'], password: 'pw' },
			{ name: { $ne: null }, password: 'pw' },
			{ name: 'ann', password: ['pw'] },
			{ name: '', password: 'pw' },
			{ name: 'ann' },
			{ name: 'ann', password: 'pw', roles: ['_admin'] },
			'name=ann',
			null
		]) {
			expect(ok(checkBody('session', body, null)), JSON.stringify(body)).toBe(false);
		}
	});

	it('refuses a document whose body names another id than the URL', () => {
		expect(ok(checkBody('doc', { _id: 'task:1', type: 'task' }, 'task:1'))).toBe(true);
		expect(ok(checkBody('doc', { type: 'task' }, 'task:1'))).toBe(true);
		expect(ok(checkBody('doc', { _id: '_local/_security' }, 'task:1'))).toBe(false);
		expect(ok(checkBody('doc', { _id: 'task:2' }, 'task:1'))).toBe(false);
	});

	it('refuses design, local and system ids in a batch, and multipart attachments', () => {
		for (const doc of [
			{ _id: '_design/evil', views: {} },
			{ _id: '_local/_security' },
			{ _id: '_users' },
			{ _id: 5 },
			{ type: 'task' },
			1,
			'task:1',
			null,
			[{ _id: 'task:1' }],
			{ _id: 'attachment:1', _attachments: { file: { follows: true, length: 1 } } },
			{ _id: 'attachment:1', _attachments: { file: { content_type: 'text/html' } } }
		]) {
			expect(ok(checkBody('bulk-docs', { docs: [doc] }, null)), JSON.stringify(doc)).toBe(false);
		}
		expect(ok(checkBody('bulk-docs', { docs: 5 }, null))).toBe(false);
		expect(ok(checkBody('bulk-docs', { docs: [], new_edits: 'no' }, null))).toBe(false);
		expect(ok(checkBody('bulk-docs', { docs: [], all_or_nothing: true }, null))).toBe(false);
		expect(ok(checkBody('bulk-docs', { docs: [{ _id: 'task:1' }], new_edits: false }, null))).toBe(
			true
		);
	});

	it('measures attachments by their data, not by what they declare', () => {
		const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 3).toString('base64');
		const doc = { _id: 'attachment:1', _attachments: { file: { data: big, length: 10 } } };
		expect(checkBody('bulk-docs', { docs: [doc] }, null)).toMatchObject({ ok: false });
		const small = { _id: 'attachment:1', _attachments: { file: { data: 'aGk=', length: 10 } } };
		expect(ok(checkBody('bulk-docs', { docs: [small] }, null))).toBe(true);
	});

	it('re-serializes what it checked, so a duplicate key cannot mean two things', () => {
		const parsed = JSON.parse('{"_id":"task:1","_id":"_local/_security"}') as unknown;
		expect(ok(checkBody('doc', parsed, 'task:1'))).toBe(false);
		const fine = checkBody('doc', JSON.parse('{"title":"a","title":"b"}'), 'task:1');
		expect(fine).toEqual({ ok: true, json: '{"title":"b"}' });
	});

	it('keeps checkpoints to their shape and size', () => {
		const cp = {
			_id: '_local/x',
			session_id: 's',
			history: [{ last_seq: 1 }],
			replicator: 'pouchdb',
			version: 1,
			last_seq: 1
		};
		expect(ok(checkBody('checkpoint', cp, '_local/x'))).toBe(true);
		expect(ok(checkBody('checkpoint', { ...cp, security: {} }, '_local/x'))).toBe(false);
		expect(ok(checkBody('checkpoint', { ...cp, _id: '_local/_security' }, '_local/x'))).toBe(false);
		expect(ok(checkBody('checkpoint', { history: Array(100).fill({}) }, '_local/x'))).toBe(false);
	});

	it('checks _bulk_get, _revs_diff, keys and doc_ids', () => {
		expect(ok(checkBody('bulk-get', { docs: [{ id: 'task:1', rev: '1-a' }] }, null))).toBe(true);
		expect(ok(checkBody('bulk-get', { docs: [{ id: '_local/_security' }] }, null))).toBe(false);
		expect(ok(checkBody('bulk-get', { docs: [{ id: 'a', extra: 1 }] }, null))).toBe(false);
		expect(ok(checkBody('revs-diff', { 'task:1': ['1-a'] }, null))).toBe(true);
		expect(ok(checkBody('revs-diff', { '_design/other': ['1-a'] }, null))).toBe(false);
		expect(ok(checkBody('revs-diff', { '_local/x': ['1-a'] }, null))).toBe(false);
		expect(ok(checkBody('keys', { keys: ['a'] }, null))).toBe(true);
		expect(ok(checkBody('keys', { keys: 'a' }, null))).toBe(false);
		expect(ok(checkBody('doc-ids', { doc_ids: ['prefs'] }, null))).toBe(true);
		expect(ok(checkBody('doc-ids', { selector: {} }, null))).toBe(false);
	});
});
