/**
 * Scenario 10, the text model half: the built app's ML worker in Chromium embeds one task at a
 * time (warm), and loads the model in a new worker once its files are in the browser's cache.
 * Drives the built worker file with the same messages as ml-client.ts. Retraining and the
 * priority/effort heads on top of the embedding: ml-retrain.ts.
 */
import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEFAULT_MODEL_ID } from '../../src/lib/ml/ml-models';
import type { MlRequest, MlResponse } from '../../src/lib/ml/ml-protocol';
import { summarize } from '../support/stats';
import { notAvailable, sampleRow, type Row } from '../table';
import type { BenchContext } from './context';
import { mlRetrain } from './ml-retrain';

const WORKERS = 'build/client/_app/immutable/workers';
const RUNS = 60;
const WARM_UP = 5;

/** Path of the built ML worker script, or null before `npm run build`. */
function builtWorker(): string | null {
	try {
		const file = readdirSync(WORKERS).find((f) => /^ml\.worker-.*\.js$/.test(f));
		return file ? `/_app/immutable/workers/${file}` : null;
	} catch {
		return null;
	}
}

/** In the page: starts the worker, loads the model, embeds each title alone; returns timings. */
function runInPage(page: Page, workerPath: string, titles: string[]) {
	return page.evaluate(
		async ({ workerPath, titles, modelId, warmUp }) => {
			const worker = new Worker(workerPath, { type: 'module' });
			let next = 1;
			const ask = (req: Omit<MlRequest, 'id'>) =>
				new Promise<MlResponse>((resolve, reject) => {
					const id = next++;
					worker.addEventListener('message', function on(e: MessageEvent<MlResponse>) {
						if (e.data.id !== id || e.data.type === 'progress') return;
						worker.removeEventListener('message', on);
						if (e.data.type === 'error') reject(new Error(e.data.payload.message));
						else resolve(e.data);
					});
					worker.postMessage({ ...req, id });
				});
			const ref = { modelId, modelsUrl: '/models/' };
			const started = performance.now();
			await ask({ type: 'load', payload: ref });
			const loadMs = performance.now() - started;
			const roundTrips: number[] = [];
			for (const [i, title] of titles.entries()) {
				const t = performance.now();
				await ask({ type: 'embed', payload: { ...ref, texts: [title] } });
				if (i >= warmUp) roundTrips.push(performance.now() - t);
			}
			worker.terminate();
			return { loadMs, roundTrips };
		},
		{ workerPath, titles, modelId: DEFAULT_MODEL_ID, warmUp: WARM_UP }
	);
}

export async function mlModel(ctx: BenchContext): Promise<Row[]> {
	ctx.log('10 in-browser model (text encoder)');
	const workerPath = builtWorker();
	if (!workerPath) return [notAvailable('10 in-browser model', 'no build: run npm run build')];
	const titles = ctx.ws.tasks.slice(0, RUNS + WARM_UP).map((t) => t.title);
	const context = await ctx.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`${ctx.server.app.baseUrl}/models/index.json`);
		const first = await runInPage(page, workerPath, titles);
		// A new worker, as on the next visit: the model files now come from the browser's cache.
		const loads: number[] = [];
		let warm = first.roundTrips;
		for (let i = 0; i < 3; i++) {
			const again = await runInPage(page, workerPath, titles.slice(0, WARM_UP + 10));
			loads.push(again.loadMs);
			warm = warm.concat(again.roundTrips);
		}
		const heads = await mlRetrain(ctx, workerPath);
		return [
			sampleRow(
				{
					scenario: '10 in-browser model',
					figure: `embed one task title in the worker, warm (${DEFAULT_MODEL_ID})`,
					unit: 'ms',
					target: 'p50 ≤ 20 ms, p95 ≤ 40 ms',
					note: 'round trip from the page; embedding only, heads not included'
				},
				summarize(warm),
				(s) => s.median <= 20 && s.p95 <= 40
			),
			sampleRow(
				{
					scenario: '10 in-browser model',
					figure: 'model load in a new worker, files cached',
					unit: 'ms',
					target: '≤ 1.5 s',
					note: `first load from the network ${first.loadMs.toFixed(0)} ms`
				},
				summarize(loads),
				(s) => s.median <= 1500
			),
			...heads
		];
	} finally {
		await context.close();
	}
}
