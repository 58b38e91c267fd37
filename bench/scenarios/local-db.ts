/**
 * Scenarios 2, 4 and 5 on the bench page: the app's PouchDB composition on IndexedDB in
 * Chromium, with plain IndexedDB as the same-process baseline.
 */
import { REFERENCE_DAY } from '../generate-workspace';
import type { BenchWindow } from '../browser/bench-api';
import { openBenchPage } from '../browser/bench-page-host';
import { summarize } from '../support/stats';
import { sampleRow, verdict, type Row } from '../table';
import type { BenchContext } from './context';

export async function localDbScenarios(ctx: BenchContext): Promise<Row[]> {
	const { opts, ws } = ctx;
	const context = await ctx.newContext();
	try {
		const page = await openBenchPage(context, ctx.server.app.baseUrl);
		const rows: Row[] = [];

		ctx.log('2 local commit');
		const c = await page.evaluate(
			([n, t]) => (window as unknown as BenchWindow).__bench.localCommit(n, t),
			[opts.commits, ws.tasks[0]!] as const
		);
		const raw = summarize(c.rawIdb);
		const s2 = '2 local commit';
		rows.push(
			sampleRow(
				{
					scenario: s2,
					figure: 'put durable in IndexedDB',
					unit: 'ms',
					target: 'p95 ≤ 3 ms',
					ratio: summarize(c.put).median / raw.median
				},
				summarize(c.put),
				(s) => s.p95 <= 3
			),
			sampleRow(
				{
					scenario: s2,
					figure: 'put → changes listener',
					unit: 'ms',
					target: 'p95 ≤ 6 ms',
					ratio: summarize(c.notify).median / raw.median
				},
				summarize(c.notify),
				(s) => s.p95 <= 6
			),
			sampleRow(
				{
					scenario: s2,
					figure: 'TasksRepo.update → listener',
					unit: 'ms',
					target: 'p95 ≤ 6 ms',
					ratio: summarize(c.repo).median / raw.median,
					note: 'get+validate+put+activity'
				},
				summarize(c.repo),
				(s) => s.p95 <= 6
			),
			sampleRow({ scenario: s2, figure: 'baseline: raw IndexedDB put', unit: 'ms' }, raw)
		);

		ctx.log('4 bulk write');
		const docs = ws.tasks.slice(0, opts.bulkDocs);
		const b = await page.evaluate(
			([d, r]) => (window as unknown as BenchWindow).__bench.bulkWrite(d, r),
			[docs, opts.bulkReps] as const
		);
		const rawBulk = summarize(b.rawIdb);
		rows.push(
			sampleRow(
				{
					scenario: '4 bulk write',
					figure: `bulkDocs ${docs.length} tasks`,
					unit: 'ms',
					target: '≤ 100 ms',
					ratio: summarize(b.pouch).median / rawBulk.median
				},
				summarize(b.pouch),
				(s) => s.median <= 100
			),
			sampleRow(
				{ scenario: '4 bulk write', figure: 'baseline: raw IndexedDB, 1 tx', unit: 'ms' },
				rawBulk
			)
		);

		ctx.log('5 query');
		const tasks = ws.tasks;
		const m = await page.evaluate(
			([t, d, r]) => (window as unknown as BenchWindow).__bench.memoryQuery(t, d, r),
			[tasks, REFERENCE_DAY, opts.queryReps] as const
		);
		const f = await page.evaluate(
			([t, d, r]) => (window as unknown as BenchWindow).__bench.findQuery(t, d, r),
			[tasks, REFERENCE_DAY, opts.findReps] as const
		);
		const mem = summarize(m.samples);
		const s5 = '5 query';
		rows.push(
			sampleRow(
				{
					scenario: s5,
					figure: `in memory (taskMatcher), ${tasks.length} tasks`,
					unit: 'ms',
					target: 'p95 ≤ 10 ms',
					note: `${m.matches} matches; app path`
				},
				mem,
				(s) => s.p95 <= 10
			),
			sampleRow(
				{
					scenario: s5,
					figure: 'pouchdb-find query, index on due',
					unit: 'ms',
					target: 'p95 ≤ 10 ms',
					ratio: summarize(f.query).median / mem.median,
					note: `${f.matches} matches`
				},
				summarize(f.query),
				(s) => s.p95 <= 10
			),
			{
				scenario: s5,
				figure: `pouchdb-find index build, ${tasks.length} docs`,
				unit: 'ms',
				median: f.buildMs,
				p95: f.buildMs,
				target: '≤ 1 s',
				verdict: verdict(f.buildMs <= 1000),
				note: 'one build (createIndex + first query)'
			}
		);
		if (f.matches !== m.matches) rows[rows.length - 2]!.note += ` (in-memory found ${m.matches})`;
		return rows;
	} finally {
		await context.close();
	}
}
