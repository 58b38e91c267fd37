/**
 * The ML worker: the only place that imports transformers.js. It loads text encoders from the
 * app's own origin (never a CDN or the Hub), embeds texts on request, and holds each
 * workspace's suggestion index and fitted heads (workspace-engine.ts), persisted to IndexedDB,
 * so neither inference nor (re)training blocks the UI. Protocol: ../ml-protocol.ts.
 */
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import { loadIndex, saveIndex } from '../index-persist';
import { EMBED_OPTIONS, MODEL_DTYPE } from '../ml-models';
import type { EmbedResult, MlRequest, MlResponse, MlResults, ModelRef } from '../ml-protocol';
import { ProgressTally, ProgressThrottle } from './progress-tally';
import { engineFor } from './engine-registry';
import type { Embed, IndexStore } from './workspace-engine';

/** The worker's global scope (typed by hand: the webworker lib would retype the whole app). */
const scope = globalThis as unknown as {
	location: Location;
	postMessage(message: MlResponse, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<MlRequest>) => void) | null;
};

env.allowRemoteModels = false;
env.allowLocalModels = true;
// The service worker's precache is the one offline copy; a second Cache API copy would double
// the storage the model takes.
env.useBrowserCache = false;
env.useWasmCache = false;
const onnx = env.backends.onnx;
if (onnx.wasm) {
	onnx.wasm.wasmPaths = {
		wasm: new URL(ortWasmUrl, scope.location.href).href,
		mjs: new URL(ortMjsUrl, scope.location.href).href
	};
	// The encoders are small; threads would need cross-origin isolation for no gain.
	onnx.wasm.numThreads = 1;
}

const loaded = new Map<string, Promise<FeatureExtractionPipeline>>();
const SAVE_DELAY_MS = 500;
const saving = new Map<string, ReturnType<typeof setTimeout>>();
/** IndexedDB, with a burst of edits written once (a 10,000-task index is ~4 MB). */
const store: IndexStore = {
	load: loadIndex,
	save(key, snapshot) {
		clearTimeout(saving.get(key));
		const write = () => {
			saving.delete(key);
			void saveIndex(key, snapshot());
		};
		saving.set(key, setTimeout(write, SAVE_DELAY_MS));
	}
};

function post(message: MlResponse, transfer: Transferable[] = []) {
	scope.postMessage(message, transfer);
}

function extractor({ modelId, modelsUrl }: ModelRef, id: number) {
	const key = `${modelsUrl}${modelId}`;
	let ready = loaded.get(key);
	if (!ready) {
		env.localModelPath = modelsUrl;
		const tally = new ProgressTally();
		const throttle = new ProgressThrottle();
		ready = pipeline('feature-extraction', modelId, {
			dtype: MODEL_DTYPE,
			device: 'wasm',
			progress_callback: (info) => {
				if (!tally.take(info)) return;
				const state = tally.state;
				if (throttle.take(state, performance.now())) {
					post({ type: 'progress', id, payload: { modelId, ...state } });
				}
			}
		});
		// A failed load must not stick: the next request tries again (e.g. after an update).
		ready.catch(() => loaded.delete(key));
		loaded.set(key, ready);
	}
	return ready;
}

async function embedWith(model: FeatureExtractionPipeline, texts: string[]) {
	const output = texts.length ? await model(texts, EMBED_OPTIONS) : null;
	const dims = output?.dims.at(-1) ?? 0;
	// Text with no known token pools to 0/0; a zero vector is "similar to nothing" instead.
	const data = Float32Array.from(output?.data ?? [], (x) => (Number.isFinite(x) ? Number(x) : 0));
	return { dims, data };
}

async function answer(request: MlRequest): Promise<MlResults[keyof MlResults]> {
	const { id, payload } = request;
	const started = performance.now();
	const wasLoaded = loaded.has(`${payload.modelsUrl}${payload.modelId}`);
	const model = await extractor(payload, id);
	const embed: Embed = async (texts) => {
		const { dims, data } = await embedWith(model, texts);
		return texts.map((_, i) => data.subarray(i * dims, (i + 1) * dims));
	};
	switch (request.type) {
		case 'load':
			return { modelId: payload.modelId, loadMs: wasLoaded ? 0 : performance.now() - started };
		case 'embed': {
			const t = performance.now();
			const { dims, data } = await embedWith(model, request.payload.texts);
			const result: EmbedResult = {
				modelId: payload.modelId,
				dims,
				data,
				inferenceMs: performance.now() - t
			};
			return result;
		}
		case 'index.sync':
			return engineFor(request.payload, store).run((e) => e.sync(request.payload, embed));
		case 'suggest': {
			const { task, members, today } = request.payload;
			return engineFor(request.payload, store).read((e) => e.suggest(task, members, today, embed));
		}
		case 'duplicates':
			return engineFor(request.payload, store).read((e) =>
				e.duplicates(request.payload.draft, embed)
			);
		case 'search': {
			const { query, project, limit } = request.payload;
			return engineFor(request.payload, store).read((e) => e.search(query, embed, project, limit));
		}
	}
}

scope.onmessage = (event: MessageEvent<MlRequest>) => {
	const { id } = event.data;
	answer(event.data).then(
		(payload) => {
			const data = (payload as Partial<EmbedResult>).data;
			post({ type: 'result', id, payload }, data instanceof Float32Array ? [data.buffer] : []);
		},
		(err: unknown) => {
			const message = err instanceof Error ? err.message : String(err);
			post({ type: 'error', id, payload: { message } });
		}
	);
};
