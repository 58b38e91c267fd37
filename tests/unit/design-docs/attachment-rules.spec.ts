import { describe, expect, it } from 'vitest';
import { workspaceDesignDoc } from '../../../design-docs/workspace.ddoc';
import { MAX_ATTACHMENT_BYTES } from '../../../src/lib/domain/attachments';
import { secObjFor, T, U } from './doc-fixtures';

type Doc = Record<string, unknown>;
type Validate = (newDoc: Doc, oldDoc: Doc | null, userCtx: object, secObj: object) => void;

// eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- compiling the ddoc source is the point
const ws = new Function(`return (${workspaceDesignDoc().validate_doc_update!});`)() as Validate;
const WS = '01hzx3k9q8r7m6n5p4v3w2y1ab';
const member = (name: string) => ({ name, roles: [`ws.${WS}.member`], db: `tf-ws-${WS}` });
const admin = (name: string) => ({ name, roles: [`ws.${WS}.admin`], db: `tf-ws-${WS}` });

function verdict(doc: Doc, old: Doc | null, ctx: Parameters<typeof secObjFor>[0]): unknown {
	try {
		ws(doc, old, ctx, secObjFor(ctx));
		return null;
	} catch (e) {
		return e;
	}
}

const at = '2024-05-01T10:00:00.000Z';
const base = {
	_id: `attachment:${T}:${U}`,
	type: 'attachment',
	task: `task:${T}`,
	comment: null,
	name: 'pump.jpg',
	contentType: 'image/jpeg',
	size: 1200,
	width: 40,
	height: 30,
	createdBy: 'alice',
	createdAt: at,
	updatedAt: at
};
/** As CouchDB passes attachments to `validate_doc_update`: stubs with their length. */
const stub = (length: number) => ({ content_type: 'image/jpeg', stub: true, length, revpos: 1 });
/** As PouchDB-based servers pass them: the inline base64 data. */
const inline = (bytes: number) => ({
	content_type: 'image/jpeg',
	data: Buffer.alloc(bytes, 1).toString('base64')
});

describe('attachment documents', () => {
	it('take the file size from CouchDB stubs and from inline data alike', () => {
		for (const file of [stub(1200), inline(1200)]) {
			expect(verdict({ ...base, _attachments: { file } }, null, member('alice'))).toBeNull();
		}
		for (const file of [stub(1201), inline(1199)]) {
			expect(verdict({ ...base, _attachments: { file } }, null, member('alice'))).toMatchObject({
				forbidden: expect.stringMatching(/^attachment\.size/) as unknown
			});
		}
	});

	it('refuse files over the limit, missing files and unknown attachment names', () => {
		const big = { ...base, size: MAX_ATTACHMENT_BYTES };
		expect(
			verdict(
				{ ...big, _attachments: { file: stub(MAX_ATTACHMENT_BYTES + 1) } },
				null,
				member('alice')
			)
		).toEqual({
			forbidden: `attachment._attachments.file: larger than ${MAX_ATTACHMENT_BYTES} bytes`
		});
		expect(verdict(base, null, member('alice'))).toEqual({
			forbidden: 'attachment._attachments.file: required'
		});
		expect(
			verdict({ ...base, _attachments: { file: stub(1200), x: stub(1) } }, null, member('alice'))
		).toEqual({ forbidden: 'attachment._attachments.x: only file and thumb are allowed' });
	});

	it('are created by their creator and never edited', () => {
		const doc = { ...base, _attachments: { file: stub(1200) } };
		expect(verdict(doc, null, member('bob'))).toEqual({
			forbidden: 'attachment.createdBy: must be you when creating'
		});
		expect(verdict({ ...doc, name: 'x.jpg' }, doc, member('alice'))).toEqual({
			forbidden: 'attachment.doc: cannot be changed; delete it and attach again'
		});
	});

	it('are deleted by their creator or a workspace admin only', () => {
		const del = { _id: base._id, _rev: '2-x', _deleted: true };
		expect(verdict(del, base, member('alice'))).toBeNull();
		expect(verdict(del, base, admin('carol'))).toBeNull();
		expect(verdict(del, base, member('bob'))).toEqual({
			forbidden: 'attachment.createdBy: only who attached it or a workspace admin may delete it'
		});
	});
});
