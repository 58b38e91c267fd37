/**
 * 1,000+ generated invalid documents, mixed with valid ones, pushed at a workspace with
 * `_bulk_docs` and by PouchDB replication: every invalid one is refused and absent upstream,
 * every valid one in the same batches is stored.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityObject } from '../../src/lib/server/membership-rules';
import { workspaceDesignDoc } from '../../design-docs/workspace.ddoc';
import { as, createUser, door, login, ownerWithWorkspace, uniqueName, upstream } from './helpers';
import { corpus } from './invalid-corpus';

type Doc = Record<string, unknown> & { _id: string };
type Validate = (doc: Doc, old: Doc | null, ctx: object, sec: object) => void;

const INVALID = 1000;
let dir = '';
let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
const member = { name: uniqueName('corpus'), cookie: '' };

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'taskflow-corpus-'));
	owner = await ownerWithWorkspace('corpus-own');
	member.cookie = await login(
		member.name,
		await createUser(member.name, [`ws.${owner.ws.id}.member`])
	);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

/** Which of `ids` exist upstream, read as the server admin. */
async function storedUpstream(ids: string[]): Promise<string[]> {
	const res = await upstream(`/${owner.ws.db}/_all_docs`, {
		method: 'POST',
		body: JSON.stringify({ keys: ids })
	});
	const body = (await res.json()) as { rows: { key: string; error?: string }[] };
	return body.rows.filter((r) => !r.error).map((r) => r.key);
}

/** The deployed validator, compiled the way CouchDB runs it: proof each doc is invalid. */
function refusedLocally(docs: Doc[], user: string, ws: string): boolean[] {
	// eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- compiling the ddoc source is the point
	const validate = new Function(
		`return (${workspaceDesignDoc().validate_doc_update!});`
	)() as Validate;
	const ctx = { name: user, roles: [], db: `tf-ws-${ws}` };
	const sec = securityObject({ [user]: 'member' });
	return docs.map((d) => {
		try {
			validate(JSON.parse(JSON.stringify(d)) as Doc, null, ctx, sec);
			return false;
		} catch {
			return true;
		}
	});
}

describe('invalid document corpus', () => {
	it('refuses every invalid document in _bulk_docs and stores the valid ones', async () => {
		const { invalid, valid } = corpus({
			seed: 20260301,
			user: member.name,
			invalid: INVALID,
			validEvery: 10
		});
		expect(invalid).toHaveLength(INVALID);
		expect(refusedLocally(invalid, member.name, owner.ws.id).every(Boolean)).toBe(true);
		expect(refusedLocally(valid, member.name, owner.ws.id).some(Boolean)).toBe(false);

		const docs = [...invalid, ...valid].sort((a, b) => (a._id < b._id ? -1 : 1));
		const results: { id: string; ok?: boolean; error?: string }[] = [];
		for (let i = 0; i < docs.length; i += 250) {
			const res = await as(member.cookie, door(`/${owner.ws.db}/_bulk_docs`), {
				method: 'POST',
				json: { docs: docs.slice(i, i + 250) }
			});
			expect(res.status).toBe(201);
			results.push(...((await res.json()) as typeof results));
		}
		const refused = new Set(results.filter((r) => r.error).map((r) => r.id));
		expect(results.filter((r) => r.error && r.error !== 'forbidden')).toEqual([]);
		expect(invalid.filter((d) => !refused.has(d._id)).map((d) => d._id)).toEqual([]);
		expect(await storedUpstream(invalid.map((d) => d._id))).toEqual([]);
		expect((await storedUpstream(valid.map((d) => d._id))).sort()).toEqual(
			valid.map((d) => d._id).sort()
		);
	});

	it('refuses every invalid document pushed by replication and stores the valid ones', async () => {
		const { invalid, valid } = corpus({
			seed: 20260302,
			user: member.name,
			invalid: INVALID,
			validEvery: 10,
			noProto: true
		});
		expect(refusedLocally(invalid, member.name, owner.ws.id).every(Boolean)).toBe(true);
		const local = new PouchDB(path.join(dir, 'device'));
		const remote = new PouchDB(door(`/${owner.ws.db}`), {
			skip_setup: true,
			fetch: (url: string | Request, opts?: RequestInit) => {
				const headers = new Headers(opts?.headers);
				headers.set('cookie', member.cookie);
				return PouchDB.fetch(url, { ...opts, headers });
			}
		});
		try {
			const put = await local.bulkDocs([...invalid, ...valid]);
			expect(put.filter((r) => 'error' in r && r.error)).toEqual([]);
			const denied: string[] = [];
			const rep = local.replicate.to(remote, { batch_size: 200 });
			void rep.on('denied', (e) => denied.push((e as { id: string }).id));
			const result = await rep;
			expect(result.doc_write_failures).toBe(INVALID);
			expect(result.docs_written).toBe(valid.length);
			expect(new Set(denied)).toEqual(new Set(invalid.map((d) => d._id)));
			expect(await storedUpstream(invalid.map((d) => d._id))).toEqual([]);
			expect(await storedUpstream(valid.map((d) => d._id))).toHaveLength(valid.length);
		} finally {
			await local.close();
			await remote.close();
		}
	});
});
