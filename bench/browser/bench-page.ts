/**
 * Entry of the bench page bundle: the app's own PouchDB composition (src/lib/db/pouch.ts)
 * and repositories, timed inside Chromium. Served by bench-page-host.ts at a path of the
 * app's origin, so it shares the app's IndexedDB.
 */
import { endOfWeek } from '../../src/lib/domain/local-date';
import type { ProjectId, TaskId } from '../../src/lib/domain/ids';
import type { Task, TaskStatus } from '../../src/lib/domain/schemas/task.schema';
import { taskMatcher, emptyFilter } from '../../src/lib/domain/task-filter';
import { listComparator } from '../../src/lib/domain/task-order';
import { ranksAfter } from '../../src/lib/domain/rank';
import { openLocalDb } from '../../src/lib/db/pouch';
import { queryView, type ViewName } from '../../src/lib/db/views/view-query';
import { TasksRepo } from '../../src/lib/db/tasks.repo';
import { Writer } from '../../src/lib/db/writer';
import { rawIdbPut } from './raw-idb';
import type { BenchApi } from './bench-api';

let dbCounter = 0;
const freshName = (what: string) => `bench-${what}-${Date.now()}-${++dbCounter}`;
const OPEN: TaskStatus[] = ['todo', 'in_progress', 'review'];

const api: BenchApi = {
	async localCommit(n, template) {
		const db = openLocalDb(freshName('commit'));
		const waiting = new Map<string, () => void>();
		const feed = db
			.changes({ since: 'now', live: true, include_docs: true, return_docs: false })
			.on('change', (c) => waiting.get(c.id)?.());
		const seen = (id: string) => new Promise<void>((r) => waiting.set(id, r));
		const out = {
			put: [] as number[],
			notify: [] as number[],
			repo: [] as number[],
			rawIdb: [] as number[]
		};
		const base = template as Task;
		for (let i = 0; i < n; i++) {
			const doc = { ...base, _id: `task:0BENCH${String(i).padStart(20, '0')}` };
			const notified = seen(doc._id);
			const t0 = performance.now();
			await db.put(doc);
			out.put.push(performance.now() - t0);
			await notified;
			out.notify.push(performance.now() - t0);
		}
		const repo = new TasksRepo(db, new Writer('bench.owner', 'benchpage'));
		const ids = Array.from(
			{ length: Math.min(n, 100) },
			(_, i) => `task:0BENCH${String(i).padStart(20, '0')}`
		);
		for (let i = 0; i < n; i++) {
			const id = ids[i % ids.length]! as TaskId;
			const notified = seen(id);
			const t0 = performance.now();
			await repo.update(id, { title: `${base.title} (${i})` });
			await notified;
			out.repo.push(performance.now() - t0);
		}
		feed.cancel();
		await db.destroy();
		out.rawIdb = await rawIdbPut(
			freshName('raw'),
			Array.from({ length: n }, (_, i) => ({ ...base, _id: `raw${i}` })),
			1
		);
		return out;
	},

	async bulkWrite(docs, reps) {
		const out = { pouch: [] as number[], rawIdb: [] as number[] };
		for (let r = 0; r < reps; r++) {
			const db = openLocalDb(freshName('bulk'));
			await db.info();
			const t0 = performance.now();
			const res = await db.bulkDocs(docs.map((d) => ({ ...d })));
			out.pouch.push(performance.now() - t0);
			if (res.some((x) => 'error' in x && x.error)) throw new Error('bulkDocs refused a document');
			await db.destroy();
			out.rawIdb.push(...(await rawIdbPut(freshName('rawbulk'), docs, docs.length)));
		}
		return out;
	},

	memoryQuery(tasks, today, reps) {
		const list = tasks as Task[];
		const samples: number[] = [];
		let matches = 0;
		for (let r = 0; r < reps; r++) {
			const t0 = performance.now();
			const match = taskMatcher({ ...emptyFilter(), statuses: OPEN, due: 'week' }, today);
			const result = list.filter((t) => !t.deletedAt && match(t)).sort(listComparator('priority'));
			samples.push(performance.now() - t0);
			matches = result.length;
		}
		return { samples, matches };
	},

	async findQuery(tasks, today, reps) {
		const db = openLocalDb(freshName('find'));
		for (let i = 0; i < tasks.length; i += 1000) await db.bulkDocs(tasks.slice(i, i + 1000));
		const selector = {
			due: { $gte: today, $lte: endOfWeek(today) },
			status: { $in: OPEN },
			deletedAt: null
		};
		const run = async () => {
			const res = await db.find({ selector, use_index: 'bench-due', limit: tasks.length });
			return (res.docs as unknown as Task[]).sort(listComparator('priority'));
		};
		const t0 = performance.now();
		await db.createIndex({ index: { fields: ['due'], name: 'bench-due', ddoc: 'bench-due' } });
		const first = await run();
		const buildMs = performance.now() - t0;
		const query: number[] = [];
		for (let r = 0; r < reps; r++) {
			const q0 = performance.now();
			await run();
			query.push(performance.now() - q0);
		}
		await db.destroy();
		return { buildMs, query, matches: first.length };
	},

	async viewBuild(dbName, view, opts, reps) {
		const db = openLocalDb(dbName);
		const name = view as ViewName;
		let t0 = performance.now();
		let rows = (await queryView(db, name, opts)).length;
		const buildMs = performance.now() - t0;
		const query: number[] = [];
		for (let i = 0; i < reps; i++) {
			t0 = performance.now();
			rows = (await queryView(db, name, opts)).length;
			query.push(performance.now() - t0);
		}
		await db.close();
		return { buildMs, query, rows };
	},

	async docCount(dbName) {
		const db = openLocalDb(dbName);
		const info = await db.info();
		await db.close();
		return info.doc_count;
	},

	async liveWrites(dbName, user, project, perSecond, ms) {
		const db = openLocalDb(dbName);
		const repo = new TasksRepo(db, new Writer(user, 'benchwriter'));
		const sent: Record<string, number> = {};
		const stored: Record<string, number> = {};
		const writes: Promise<unknown>[] = [];
		const start = performance.now();
		const total = Math.round((perSecond * ms) / 1000);
		// Each write goes to the top of the column, where B's board has it on screen: long
		// columns render only the cards near their scroll position.
		const ranks = ranksAfter(null, total).reverse();
		for (let i = 0; i < total; i++) {
			const due = start + (i * 1000) / perSecond;
			const wait = due - performance.now();
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
			const title = `Live write ${i}`;
			sent[title] = Date.now();
			writes.push(
				repo
					.create({ project: project as ProjectId, title, status: 'todo', rank: ranks[i]! })
					.then(() => (stored[title] = Date.now()))
			);
		}
		await Promise.all(writes);
		return { sent, stored };
	}
};

(window as unknown as { __bench: BenchApi }).__bench = api;
document.title = 'bench ready';
