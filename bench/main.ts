/**
 * `npm run bench`: generates the workspace, starts a server of its own, runs the scenarios
 * of ../shared/BENCHMARKS.md that the app supports and prints one table. Everything it
 * starts (server, browser) it stops; it touches no other process.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from '../tests/e2e/support/browser';
import { validationErrors } from '../src/lib/domain/validation';
import { generateWorkspace, TIME_ENTRY_SCHEMA, workspaceDocs } from './generate-workspace';
import { serveBenchPage } from './browser/bench-page-host';
import { parseOptions } from './options';
import { boardEdits } from './scenarios/board-edits';
import { coldStart } from './scenarios/cold-start';
import type { BenchContext } from './scenarios/context';
import { initialSync } from './scenarios/initial-sync';
import { liveSync } from './scenarios/live-sync';
import { localDbScenarios } from './scenarios/local-db';
import { mlModel } from './scenarios/ml-model';
import { notBuiltRows } from './scenarios/not-built';
import { reminders } from './scenarios/reminders';
import { serverLoad } from './scenarios/server-load';
import { timeViews } from './scenarios/time-views';
import { dashboard } from './scenarios/dashboard';
import { OWNER, startBenchServer, type BenchServer } from './support/server-fixture';
import { formatTable, notAvailable, type Row } from './table';

/** Runs the bench; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
	const opts = parseOptions(argv);
	const began = performance.now();
	const log = (m: string) =>
		console.log(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s] ${m}`);

	log(
		`generating ${opts.size.tasks} tasks, ${opts.size.comments} comments, ${opts.size.timeEntries} time entries`
	);
	const ws = generateWorkspace(opts.size, OWNER.name);
	const docs = workspaceDocs(ws);
	checkSample(docs);
	const avgTask = ws.tasks.reduce((s, t) => s + JSON.stringify(t).length, 0) / ws.tasks.length;
	log(`${docs.length} documents, tasks ${avgTask.toFixed(0)} bytes on average`);

	let server: BenchServer | null = null;
	let browser: Browser | null = null;
	const rows: Row[] = [];
	try {
		server = await startBenchServer();
		log(`server at ${server.app.baseUrl} (DATA_DIR ${server.app.dataDir})`);
		const seedRate = await server.seed(server.main.db, docs);
		log(`seeded through the door at ${seedRate.toFixed(0)} docs/s`);
		// The server's workers (snapshots, reminders) read every seeded change once; measure
		// the steady state, not that one-off catch-up.
		const caughtUp = await server.workersCaughtUp(docs.length);
		log(`server workers caught up with the seed in ${caughtUp.toFixed(0)} s`);
		browser = await launchBrowser();
		const b = browser;
		const s = server;
		const ctx: BenchContext = {
			opts,
			ws,
			server,
			browser,
			log,
			async newContext() {
				const c = await newContext(b);
				await serveBenchPage(c, s.app.baseUrl);
				return c;
			},
			async signedInContext() {
				const c = await this.newContext();
				const res = await c.request.post(`${s.app.baseUrl}/db/_session`, { data: OWNER });
				if (!res.ok()) throw new Error(`browser login: ${res.status()}`);
				return c;
			}
		};
		const want = (...ns: number[]) => !opts.only || ns.some((n) => opts.only!.has(n));
		if (want(2, 4, 5)) rows.push(...(await localDbScenarios(ctx)));
		if (want(1, 3, 6, 9, 12)) {
			const synced = await initialSync(ctx, docs.length);
			if (want(6)) rows.push(...synced.rows);
			if (want(3, 12)) rows.push(...(await coldStart(ctx, synced.device)));
			if (want(1)) rows.push(...(await boardEdits(ctx, synced.device)));
			if (want(9)) rows.push(...(await timeViews(ctx, synced.device, docs.length)));
			if (want(9)) rows.push(...(await dashboard(ctx, synced.device, docs.length)));
			await synced.device.context.close();
		}
		if (want(7)) rows.push(...(await liveSync(ctx)));
		if (want(8, 12)) rows.push(...(await serverLoad(ctx)));
		if (want(11)) rows.push(...(await reminders(ctx)));
		if (want(10)) rows.push(...(await mlModel(ctx)));
		if (!ws.timeEntriesAvailable) {
			rows.push(notAvailable('6 initial sync', `time entries: ${TIME_ENTRY_SCHEMA} missing`));
		}
		if (!opts.only) rows.push(...notBuiltRows());
	} finally {
		await browser?.close();
		await server?.stop();
	}
	const order = (r: Row) => Number(r.scenario.split(' ')[0]);
	rows.sort((a, b) => order(a) - order(b));
	console.log(
		`\nTaskFlow bench${opts.quick ? ' (--quick)' : ''}: ${docs.length} docs, ${((performance.now() - began) / 1000).toFixed(0)} s\n`
	);
	console.log(formatTable(rows));
	return 0;
}

/** Validates every 50th document (every one in --quick sizes) against the app's schemas. */
function checkSample(docs: { _id: string }[]): void {
	const every = docs.length > 10_000 ? 50 : 1;
	for (let i = 0; i < docs.length; i += every) {
		const errors = validationErrors(docs[i] as { type?: unknown });
		if (errors) throw new Error(`generated ${docs[i]!._id} is invalid: ${JSON.stringify(errors)}`);
	}
}
