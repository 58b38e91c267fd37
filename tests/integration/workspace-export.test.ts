/**
 * Workspace export and re-import: documents written by two people (one with an attachment)
 * are read as the export reads them, imported into a new workspace through the API in
 * batches, and arrive with the same ids, content and attachment digests. A second import
 * writes nothing; non-admins are refused; an invalid document is skipped with a reason.
 */
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBatches, type ImportReport } from '../../src/lib/domain/backup/import-batches';
import type { ExportedDoc } from '../../src/lib/domain/backup/workspace-export';
import { exportWorkspace } from '../../src/lib/db/backup.repo';
import {
	as,
	baseUrl,
	createUser,
	door,
	login,
	newComment,
	newTask,
	newTimeEntry,
	ownerWithWorkspace,
	setMember,
	uniqueName,
	type TestDoc
} from './helpers';
import { newReplica, remoteDb } from './replicas';

type Owner = Awaited<ReturnType<typeof ownerWithWorkspace>>;
let ann: Owner;
const bob = { name: uniqueName('exp-bob'), cookie: '' };
let exported: ExportedDoc[];
let tampered: ExportedDoc;

const importUrl = (ws: string) => `${baseUrl()}/api/workspaces/${ws}/import`;

async function put(cookie: string, db: string, doc: TestDoc): Promise<void> {
	const res = await as(cookie, door(`/${db}/${encodeURIComponent(doc._id)}`), {
		method: 'PUT',
		json: doc
	});
	expect(res.status, await res.clone().text()).toBe(201);
}

/** Every document of `db` as the export reads it: winning revisions, attachments inline. */
async function allDocs(cookie: string, db: string): Promise<ExportedDoc[]> {
	const res = await as(cookie, door(`/${db}/_all_docs?include_docs=true&attachments=true`));
	expect(res.status).toBe(200);
	const body = (await res.json()) as { rows: { doc: ExportedDoc }[] };
	return body.rows.map((r) => r.doc).filter((d) => !d._id.startsWith('_'));
}

/** Sends `docs` to the import API in batches of two, as the app does (in larger ones). */
async function importAll(cookie: string, ws: string, docs: unknown[]): Promise<ImportReport> {
	const total: ImportReport = { written: 0, alreadyThere: 0, skipped: [] };
	const { batches } = importBatches(docs, 1e6, 2);
	for (const batch of batches) {
		const res = await as(cookie, importUrl(ws), { method: 'POST', json: batch });
		expect(res.status, await res.clone().text()).toBe(200);
		const r = (await res.json()) as ImportReport;
		total.written += r.written;
		total.alreadyThere += r.alreadyThere;
		total.skipped.push(...r.skipped);
	}
	return total;
}

/** A document without what CouchDB changes on every write. */
const content = ({ _rev, _attachments, ...rest }: ExportedDoc) => (
	void _rev,
	void _attachments,
	rest
);

beforeAll(async () => {
	ann = await ownerWithWorkspace('exp-ann');
	bob.cookie = await login(bob.name, await createUser(bob.name, [`ws.${ann.ws.id}.member`]));
	const task = newTask(ann.name, 'Pump check');
	const withFile = {
		_id: `attachment:${task._id.slice('task:'.length)}:${ulid()}`,
		type: 'attachment',
		task: task._id,
		comment: null,
		name: 'note.txt',
		contentType: 'text/plain',
		size: 11,
		width: null,
		height: null,
		createdBy: ann.name,
		createdAt: task.createdAt,
		updatedAt: task.createdAt,
		_attachments: {
			file: { content_type: 'text/plain', data: Buffer.from('hello pumps').toString('base64') }
		}
	};
	await put(ann.cookie, ann.ws.db, task);
	await put(ann.cookie, ann.ws.db, withFile);
	await put(bob.cookie, ann.ws.db, newComment(bob.name, task._id));
	await put(bob.cookie, ann.ws.db, newTimeEntry(bob.name, task._id));
	await put(bob.cookie, ann.ws.db, newTask(bob.name, "Bob's task"));
	// The export as the app makes it: from a device's local copy, synced from the server.
	const device = newReplica(ann.name, 'export').db;
	await device.replicate.from(remoteDb(door(`/${ann.ws.db}`), ann.name, ann.password));
	const file = await exportWorkspace(device, ann.ws);
	expect(file).toMatchObject({
		format: 'taskflow-workspace',
		workspace: { id: ann.ws.id, name: ann.ws.name }
	});
	exported = file.docs;
	tampered = { ...newTask(bob.name, 'Tampered'), status: 'lost' };
});

describe('workspace export', () => {
	it('pages through a large local database, leaving out design and local documents', async () => {
		const db = newReplica('someone', 'paging').db;
		const docs = Array.from({ length: 450 }, (_, i) => ({
			_id: `task:${String(i).padStart(4, '0')}`
		}));
		await db.bulkDocs([...docs, { _id: '_design/x', views: {} }]);
		await db.put({ _id: '_local/checkpoint' });
		const seen: number[] = [];
		const file = await exportWorkspace(db, { id: 'w', name: 'W' }, (done) => seen.push(done));
		expect(file.docs.map((d) => d._id)).toEqual(docs.map((d) => d._id));
		expect(seen.at(-1)).toBe(450);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
	});
});

describe('workspace import', () => {
	let target: { id: string; db: string };

	it('copies every document, by both authors, with attachments, into a new workspace', async () => {
		expect(exported).toHaveLength(5);
		expect(exported.find((d) => d.type === 'attachment')?._attachments).toMatchObject({
			file: { data: Buffer.from('hello pumps').toString('base64') }
		});
		const res = await as(ann.cookie, `${baseUrl()}/api/workspaces`, {
			method: 'POST',
			json: { name: 'Restored', forImport: true }
		});
		target = (await res.json()) as { id: string; db: string };

		const docs = [...exported, tampered, { _id: '_design/evil', views: {} }, 42];
		const report = await importAll(ann.cookie, target.id, docs);
		expect(report.written).toBe(5);
		expect(report.alreadyThere).toBe(0);
		expect(report.skipped).toEqual([
			{ id: tampered._id, reason: expect.stringMatching(/^task\.status: /) as string },
			{ id: '_design/evil', reason: 'design documents are deployed by the server' },
			{ id: '#8', reason: 'not a document with an _id' }
		]);

		const copied = await allDocs(ann.cookie, target.db);
		const byId = new Map(copied.map((d) => [d._id, d]));
		expect([...byId.keys()].sort()).toEqual(exported.map((d) => d._id).sort());
		for (const doc of exported) expect(content(byId.get(doc._id)!)).toEqual(content(doc));

		const stubs = async (db: string, id: string) => {
			const r = await as(ann.cookie, door(`/${db}/${encodeURIComponent(id)}`));
			return ((await r.json()) as { _attachments: Record<string, { digest: string }> })
				._attachments;
		};
		const photo = exported.find((d) => d.type === 'attachment')!;
		const before = await stubs(ann.ws.db, photo._id);
		const after = await stubs(target.db, photo._id);
		expect(after.file!.digest).toBe(before.file!.digest);
		const file = await as(ann.cookie, door(`/${target.db}/${photo._id}/file`));
		expect(await file.text()).toBe('hello pumps');
	});

	it('writes nothing the second time and says everything is already there', async () => {
		const report = await importAll(ann.cookie, target.id, [...exported, tampered]);
		expect(report).toEqual({
			written: 0,
			alreadyThere: 5,
			skipped: [{ id: tampered._id, reason: expect.any(String) as string }]
		});
		expect(await allDocs(ann.cookie, target.db)).toHaveLength(5);
	});

	it('refuses callers who are not admins of the target', async () => {
		const batch = { offset: 0, docs: exported.slice(0, 1) };
		const anonymous = await as(null, importUrl(target.id), { method: 'POST', json: batch });
		expect(anonymous.status).toBe(401);
		const outsider = await as(bob.cookie, importUrl(target.id), { method: 'POST', json: batch });
		expect(outsider.status).toBe(404);
		await setMember(target.id, bob.name, 'member');
		const member = await as(bob.cookie, importUrl(target.id), { method: 'POST', json: batch });
		expect(member.status).toBe(403);
	});

	it('answers 400 to a request that is not a batch of documents', async () => {
		const res = await as(ann.cookie, importUrl(target.id), {
			method: 'POST',
			json: { offset: 0, docs: [] }
		});
		expect(res.status).toBe(400);
	});

	it('holds imported documents to the rules a write by their author would meet', async () => {
		const task = newTask(ann.name);
		const forged = [
			{ ...newComment(bob.name, task._id), createdBy: ann.name },
			{ ...newTimeEntry(bob.name, task._id), createdBy: ann.name },
			{ ...newTimeEntry(ann.name, task._id), end: '2020-01-01T00:00:00.000Z' },
			{
				_id: `activity:${ulid()}`,
				type: 'activity',
				action: 'update',
				doc: task._id,
				task: task._id,
				project: null,
				field: 'title',
				from: 'a',
				to: 'b',
				actor: bob.name,
				at: new Date().toISOString(),
				createdBy: ann.name
			},
			{ _id: `snapshot:${ulid()}`, type: 'snapshot', createdBy: ann.name }
		];
		const report = await importAll(ann.cookie, target.id, forged);
		expect(report.written).toBe(0);
		expect(report.skipped.map((s) => s.reason)).toEqual([
			expect.stringMatching(/comment\.author/),
			expect.stringMatching(/time\.user/),
			expect.stringMatching(/time\.(end|minutes)/),
			expect.stringMatching(/activity\.actor/),
			expect.stringMatching(/snapshot/)
		]);
	});

	it('takes no import into a workspace made another way, or once the import is done', async () => {
		const batch = { offset: 0, docs: [newTask(ann.name)] };
		const existing = await as(ann.cookie, importUrl(ann.ws.id), { method: 'POST', json: batch });
		expect(existing.status).toBe(409);
		const done = await as(ann.cookie, `${importUrl(target.id)}/done`, { method: 'POST' });
		expect(done.status).toBe(200);
		const after = await as(ann.cookie, importUrl(target.id), { method: 'POST', json: batch });
		expect(after.status).toBe(409);
		expect(((await after.json()) as { reason: string }).reason).toMatch(
			/new workspace made for it/
		);
	});
});
