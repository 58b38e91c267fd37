import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createViewWarmer, warmAll, type WarmableDb } from './view-warmer';

/** A database with two design documents; `query` resolves when `release` is called. */
function fakeDb() {
	const queries: string[] = [];
	let release: () => void = () => undefined;
	const db: WarmableDb = {
		allDocs: () =>
			Promise.resolve({
				rows: [
					{ id: '_design/taskflow', doc: { views: { by_status: {}, by_week: {} } } },
					{ id: '_design/other', doc: { filters: {} } }
				]
			}),
		query: (view, opts) => {
			queries.push(`${view} ${JSON.stringify(opts)}`);
			return new Promise<void>((r) => (release = r));
		}
	};
	return { db, queries, release: () => release() };
}

/** Lets the warmer's promise chain run to its next `query`. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('view warmer', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('builds every view once writes pause, one at a time, reading no rows', async () => {
		const { db, queries, release } = fakeDb();
		const warmer = createViewWarmer({ quietMs: 1000, maxDelayMs: 10_000 });
		warmer.noteWrite('ws', db);
		await vi.advanceTimersByTimeAsync(600);
		warmer.noteWrite('ws', db);
		await vi.advanceTimersByTimeAsync(600);
		expect(queries).toEqual([]);
		await vi.advanceTimersByTimeAsync(400);
		expect(queries).toEqual(['taskflow/by_status {"reduce":false,"limit":0}']);
		release();
		await settle();
		expect(queries).toHaveLength(2);
		expect(queries[1]).toMatch(/^taskflow\/by_week /);
		release();
		await warmer.stop();
	});

	it('does not let a steady trickle of writes postpone it past the longest delay', async () => {
		const { db, queries, release } = fakeDb();
		const warmer = createViewWarmer({ quietMs: 1000, maxDelayMs: 3000 });
		for (let t = 0; t < 2900; t += 500) {
			warmer.noteWrite('ws', db);
			await vi.advanceTimersByTimeAsync(500);
		}
		expect(queries).toHaveLength(1);
		release();
		await settle();
		release();
		await warmer.stop();
	});

	it('warms again after writes that came during a build, and stops on request', async () => {
		const { db, queries, release } = fakeDb();
		const warmer = createViewWarmer({ quietMs: 100, maxDelayMs: 1000 });
		warmer.noteWrite('ws', db);
		await vi.advanceTimersByTimeAsync(100);
		warmer.noteWrite('ws', db);
		release();
		await settle();
		release();
		await settle();
		expect(queries).toHaveLength(2);
		await vi.advanceTimersByTimeAsync(100);
		expect(queries).toHaveLength(3);
		const stopped = warmer.stop();
		release();
		await stopped;
		warmer.noteWrite('ws', db);
		await vi.advanceTimersByTimeAsync(5000);
		expect(queries).toHaveLength(3);
	});

	it('never throws, whatever the database does', async () => {
		const gone: WarmableDb = {
			allDocs: () => Promise.reject(new Error('database deleted')),
			query: () => Promise.reject(new Error('unreachable'))
		};
		await expect(warmAll(gone, () => false)).resolves.toBeUndefined();
	});
});
