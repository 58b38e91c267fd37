import { describe, expect, it } from 'vitest';
import { cachedQuery, type CacheableDb } from './view-results-cache';

function fakeDb() {
	let seq = 1;
	const db: CacheableDb = { info: () => Promise.resolve({ update_seq: seq }) };
	let runs = 0;
	const run = (opts: object) => Promise.resolve({ rows: [{ key: ++runs, opts }] });
	return { db, write: () => seq++, runs: () => runs, run };
}

describe('view results cache', () => {
	it('answers again from the cache until the database changes', async () => {
		const { db, write, runs, run } = fakeDb();
		const a = await cachedQuery(db, 'taskflow/by_status', { group_level: 2 }, run);
		expect(await cachedQuery(db, 'taskflow/by_status', { group_level: 2 }, run)).toBe(a);
		expect(runs()).toBe(1);
		write();
		const b = await cachedQuery(db, 'taskflow/by_status', { group_level: 2 }, run);
		expect(b).not.toBe(a);
		expect(runs()).toBe(2);
	});

	it('keys by view and options, not by who asks', async () => {
		const { db, runs, run } = fakeDb();
		await cachedQuery(db, 'taskflow/by_status', { group_level: 2, userCtx: { name: 'a' } }, run);
		await cachedQuery(db, 'taskflow/by_status', { userCtx: { name: 'b' }, group_level: 2 }, run);
		expect(runs()).toBe(1);
		await cachedQuery(db, 'taskflow/by_status', { group_level: 1 }, run);
		await cachedQuery(db, 'taskflow/by_week', { group_level: 2 }, run);
		expect(runs()).toBe(3);
	});

	it('keeps databases apart, gives the engine its own options and skips temporary views', async () => {
		const one = fakeDb();
		const two = fakeDb();
		const opts = { reduce: false };
		const answer = (await cachedQuery(one.db, 'v/v', opts, one.run)) as {
			rows: { opts: object }[];
		};
		expect(answer.rows[0]!.opts).toEqual(opts);
		expect(answer.rows[0]!.opts).not.toBe(opts);
		await cachedQuery(two.db, 'v/v', opts, one.run);
		expect(one.runs()).toBe(2);
		const temp = { map: 'function (doc) { emit(doc._id); }' };
		await cachedQuery(one.db, temp, opts, one.run);
		await cachedQuery(one.db, temp, opts, one.run);
		expect(one.runs()).toBe(4);
	});
});
