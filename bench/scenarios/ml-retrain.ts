/**
 * Scenario 10, the suggestion half: the built app's ML worker in Chromium holds the bench's
 * 10,000 generated tasks the way the app feeds them (`index.sync` with HeadTasks, as
 * workspace-suggester.ts sends). Measured in the page, round trip included: the first index
 * (embed everything + fit), retraining after one edit (re-embed that text + refit), a reload
 * (a new worker restores the index from IndexedDB + refits, no embedding) and warm
 * "priority + effort for one task" (`suggest`).
 */
import type { Page } from 'playwright-core';
import { headTask } from '../../src/lib/ml/head-task';
import type { HeadTask } from '../../src/lib/ml/heads/head-types';
import { DEFAULT_MODEL_ID } from '../../src/lib/ml/ml-models';
import type { MlRequest, MlResponse, SyncResult } from '../../src/lib/ml/ml-protocol';
import { generateWorkspace, REFERENCE_DAY } from '../generate-workspace';
import { summarize } from '../support/stats';
import { sampleRow, type Row } from '../table';
import type { BenchContext } from './context';

const RETRAIN_TASKS = 10_000;
const EDITS = 15;
const SUGGESTS = 60;
const RELOADS = 3;

interface Timings {
	firstMs: number;
	first: SyncResult;
	edits: number[];
	reloads: number[];
	reloadEmbedded: number[];
	suggests: number[];
}

/** In the page: the whole sequence against fresh workers; returns round-trip timings. */
function runInPage(page: Page, workerPath: string, tasks: HeadTask[]): Promise<Timings> {
	return page.evaluate(
		async ({ workerPath, tasks, modelId, counts, today }) => {
			const start = () => {
				const worker = new Worker(workerPath, { type: 'module' });
				let next = 1;
				const ask = <T>(req: Omit<MlRequest, 'id'>) =>
					new Promise<T>((resolve, reject) => {
						const id = next++;
						worker.addEventListener('message', function on(e: MessageEvent<MlResponse>) {
							if (e.data.id !== id || e.data.type === 'progress') return;
							worker.removeEventListener('message', on);
							if (e.data.type === 'error') reject(new Error(e.data.payload.message));
							else resolve(e.data.payload as T);
						});
						worker.postMessage({ ...req, id });
					});
				return { worker, ask };
			};
			const ref = { modelId, modelsUrl: '/models/', key: `bench-${Date.now()}|${modelId}` };
			const timed = async <T>(job: () => Promise<T>) => {
				const t = performance.now();
				const result = await job();
				return { ms: performance.now() - t, result };
			};
			const stored = () =>
				new Promise<boolean>((resolve) => {
					const req = indexedDB.open('taskflow-ml');
					req.onsuccess = () => {
						const db = req.result;
						const get = db.transaction('indexes').objectStore('indexes').count(ref.key);
						get.onsuccess = () => (db.close(), resolve(get.result > 0));
						get.onerror = () => (db.close(), resolve(false));
					};
					req.onerror = () => resolve(false);
				});

			let w = start();
			await w.ask({ type: 'load', payload: ref });
			const sync = (full: boolean, upsert: typeof tasks) =>
				w.ask<SyncResult>({ type: 'index.sync', payload: { ...ref, full, upsert, removed: [] } });
			const first = await timed(() => sync(true, tasks));
			const edits: number[] = [];
			for (let i = 0; i < counts.edits; i++) {
				const edited = { ...tasks[i]!, title: `${tasks[i]!.title} (edit ${i})` };
				// The workspace as it now is: what a reload below sends again.
				tasks[i] = edited;
				edits.push((await timed(() => sync(false, [edited]))).ms);
			}
			const suggests: number[] = [];
			for (let i = 0; i < counts.suggests; i++) {
				const task = tasks[(i * 97) % tasks.length]!;
				const payload = { ...ref, task, members: [], today };
				suggests.push((await timed(() => w.ask({ type: 'suggest', payload }))).ms);
			}
			// The worker writes the index a moment after the last change; wait until it has.
			while (!(await stored())) await new Promise((r) => setTimeout(r, 100));
			w.worker.terminate();
			const reloads: number[] = [];
			const reloadEmbedded: number[] = [];
			for (let i = 0; i < counts.reloads; i++) {
				w = start();
				await w.ask({ type: 'load', payload: ref });
				const again = await timed(() => sync(true, tasks));
				reloads.push(again.ms);
				reloadEmbedded.push(again.result.embedded);
				w.worker.terminate();
			}
			return { firstMs: first.ms, first: first.result, edits, reloads, reloadEmbedded, suggests };
		},
		{
			workerPath,
			tasks,
			modelId: DEFAULT_MODEL_ID,
			counts: { edits: EDITS, suggests: SUGGESTS, reloads: RELOADS },
			today: REFERENCE_DAY
		}
	);
}

/** Rows for retraining and warm suggestion inference; `workerPath` is the built worker. */
export async function mlRetrain(ctx: BenchContext, workerPath: string): Promise<Row[]> {
	// The figure is asked for 10,000 tasks; `--quick` loads fewer, so generate them here.
	const docs =
		ctx.ws.tasks.length >= RETRAIN_TASKS
			? ctx.ws.tasks
			: generateWorkspace(
					{ tasks: RETRAIN_TASKS, comments: 0, timeEntries: 0, projects: 10 },
					'bench'
				).tasks;
	const n = docs.length;
	const tasks = docs.map((t) => headTask(t, new Map()));
	const context = await ctx.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`${ctx.server.app.baseUrl}/models/index.json`);
		const t = await runInPage(page, workerPath, tasks);
		const scenario = '10 in-browser model';
		const where = 'Chromium worker, round trip from the page';
		return [
			sampleRow(
				{
					scenario,
					figure: `retraining time for ${n.toLocaleString('en')} tasks after one edit`,
					unit: 'ms',
					target: '≤ 2 s',
					note: `${where}; re-embeds the edited text, refits every head; first index (embed all + fit) ${t.firstMs.toFixed(0)} ms`
				},
				summarize(t.edits),
				(s) => s.p95 <= 2000
			),
			sampleRow(
				{
					scenario,
					figure: `reload: restore the index of ${n.toLocaleString('en')} tasks + refit`,
					unit: 'ms',
					target: '≤ 2 s, nothing re-embedded',
					note: `${where}; new worker, index from IndexedDB; texts re-embedded: ${t.reloadEmbedded.join(', ')}`
				},
				summarize(t.reloads),
				(s) => s.median <= 2000 && t.reloadEmbedded.every((e) => e === 0)
			),
			sampleRow(
				{
					scenario,
					figure: `priority + effort (+ assignee, risk) for one task, warm, ${n.toLocaleString('en')} tasks`,
					unit: 'ms',
					target: 'p50 ≤ 20 ms, p95 ≤ 40 ms',
					note: `${where}; neighbours over every task`
				},
				summarize(t.suggests),
				(s) => s.median <= 20 && s.p95 <= 40
			)
		];
	} finally {
		await context.close();
	}
}
