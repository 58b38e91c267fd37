/**
 * Files on tasks replicate between devices as attachment documents in their own lane, and
 * the server enforces the limits and who may delete them. Devices are in-memory PouchDB
 * replicas syncing through the door with the app's own lane options.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src/lib/domain/attachments';
import { syncLanes } from '../../src/lib/db/sync-engine';
import type { Db } from '../../src/lib/db/pouch';
import {
	as,
	attachmentDoc,
	createUser,
	door,
	login,
	newTask,
	ownerWithWorkspace,
	uniqueName
} from './helpers';
import { newReplica, remoteDb, type Replica } from './replicas';

type Doc = Record<string, unknown> & { _id: string; _rev?: string };

let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
const member = { name: uniqueName('att'), password: '', cookie: '' };
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
	owner = await ownerWithWorkspace('att-own');
	member.password = await createUser(member.name, [`ws.${owner.ws.id}.member`]);
	member.cookie = await login(member.name, member.password);
});

afterAll(async () => {
	for (const close of closers) await close();
});

function device(user: string, password: string, label: string): { replica: Replica; remote: Db } {
	const replica = newReplica(user, label);
	const remote = remoteDb(door(`/${owner.ws.db}`), user, password);
	closers.push(
		() => replica.db.close(),
		() => remote.close()
	);
	return { replica, remote };
}

/** One pass of one lane (0 = main, 1 = files) until it writes nothing more. */
async function syncLane(d: { replica: Replica; remote: Db }, lane: 0 | 1): Promise<void> {
	const { live: _live, ...opts } = { ...syncLanes(true)[lane]!, live: false };
	for (let round = 0; round < 8; round++) {
		const res = await d.replica.db.sync(d.remote, opts);
		if (res.push!.docs_written + res.pull!.docs_written === 0 && round > 0) return;
	}
	throw new Error('lane did not become quiet');
}

const md5 = (b: Buffer) =>
	`md5-${createHash('md5').update(b.toString('base64'), 'base64').digest('base64')}`;

const put = (cookie: string, doc: Doc) =>
	as(cookie, door(`/${owner.ws.db}/${encodeURIComponent(doc._id)}`), { method: 'PUT', json: doc });

describe('attachments', () => {
	it('replicate between two clients with their bytes intact, in their own lane', async () => {
		const a = device(owner.name, owner.password, 'a');
		const b = device(member.name, member.password, 'b');
		const task = newTask(owner.name, 'Photograph the pump');
		const bytes = randomBytes(300 * 1024);
		const thumb = randomBytes(9 * 1024);
		const att = attachmentDoc(owner.name, task._id, bytes, thumb);
		await a.replica.db.bulkDocs([task, att]);
		await syncLane(a, 0);
		await syncLane(a, 1);

		// The main lane carries the task but leaves the file to the file lane.
		await syncLane(b, 0);
		await expect(b.replica.db.get(task._id)).resolves.toMatchObject({ title: task.title });
		await expect(b.replica.db.get(att._id)).rejects.toMatchObject({ status: 404 });

		await syncLane(b, 1);
		const got = await b.replica.db.get<Doc>(att._id);
		const stubs = got._attachments as Record<string, { digest: string; length: number }>;
		expect(stubs.file).toMatchObject({ digest: md5(bytes), length: bytes.length });
		expect(stubs.thumb).toMatchObject({ digest: md5(thumb), length: thumb.length });
		const received = (await b.replica.db.getAttachment(att._id, 'file')) as Buffer;
		expect(Buffer.from(received).toString('base64')).toBe(bytes.toString('base64'));
	});

	it('refuses a file over the limit, a size that does not match, and files on other types', async () => {
		const task = newTask(owner.name);
		const big = attachmentDoc(owner.name, task._id, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 7));
		big.size = MAX_ATTACHMENT_BYTES;
		const res = await put(owner.cookie, big);
		expect(res.status).toBe(403);
		expect(((await res.json()) as { reason: string }).reason).toMatch(/larger than/);

		const lying = attachmentDoc(owner.name, task._id, randomBytes(1000));
		lying.size = 10;
		const res2 = await put(owner.cookie, lying);
		expect(res2.status).toBe(403);
		expect(((await res2.json()) as { reason: string }).reason).toMatch(/attachment\.size/);

		const withFile = {
			...task,
			_attachments: { file: { content_type: 'text/plain', data: 'aGk=' } }
		};
		const res3 = await put(owner.cookie, withFile);
		expect(res3.status).toBe(403);
		expect(((await res3.json()) as { reason: string }).reason).toMatch(
			/only attachments carry files/
		);
	});

	it('lets only the creator or a workspace admin delete an attachment', async () => {
		const task = newTask(owner.name);
		const mine = attachmentDoc(owner.name, task._id, randomBytes(2000));
		const theirs = attachmentDoc(member.name, task._id, randomBytes(2000));
		const r1 = await put(owner.cookie, mine);
		const r2 = await put(member.cookie, theirs);
		expect([r1.status, r2.status]).toEqual([201, 201]);
		const rev = async (r: Response) => ((await r.json()) as { rev: string }).rev;
		const [mineRev, theirsRev] = [await rev(r1), await rev(r2)];
		const del = (cookie: string, id: string, r: string) =>
			as(cookie, door(`/${owner.ws.db}/${encodeURIComponent(id)}?rev=${r}`), { method: 'DELETE' });

		const refused = await del(member.cookie, mine._id, mineRev);
		expect(refused.status).toBe(403);
		expect(((await refused.json()) as { reason: string }).reason).toMatch(/attachment\.createdBy/);
		// A member cannot change someone's file either: attachment documents are immutable.
		const edit = await put(member.cookie, { ...theirs, _rev: theirsRev, name: 'renamed.jpg' });
		expect(edit.status).toBe(403);

		expect((await del(owner.cookie, theirs._id, theirsRev)).status).toBe(200);
		expect((await del(owner.cookie, mine._id, mineRev)).status).toBe(200);
	});
});
