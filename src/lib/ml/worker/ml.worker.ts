/**
 * The ML worker: the only place that imports transformers.js. It loads text encoders from the
 * app's own origin (never a CDN or the Hub) and embeds texts on request, so inference never
 * blocks the UI. Protocol: ../ml-protocol.ts.
 */
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import { EMBED_OPTIONS, MODEL_DTYPE } from '../ml-models';
import type { EmbedResult, LoadResult, MlRequest, MlResponse, ModelRef } from '../ml-protocol';
import { ProgressTally } from './progress-tally';

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

function post(message: MlResponse, transfer: Transferable[] = []) {
	scope.postMessage(message, transfer);
}

function extractor({ modelId, modelsUrl }: ModelRef, id: number) {
	const key = `${modelsUrl}${modelId}`;
	let ready = loaded.get(key);
	if (!ready) {
		env.localModelPath = modelsUrl;
		const tally = new ProgressTally();
		ready = pipeline('feature-extraction', modelId, {
			dtype: MODEL_DTYPE,
			device: 'wasm',
			progress_callback: (info) => {
				if (tally.take(info)) post({ type: 'progress', id, payload: { modelId, ...tally.state } });
			}
		});
		// A failed load must not stick: the next request tries again (e.g. after an update).
		ready.catch(() => loaded.delete(key));
		loaded.set(key, ready);
	}
	return ready;
}

async function handle(request: MlRequest): Promise<void> {
	const { id, payload } = request;
	const started = performance.now();
	const wasLoaded = loaded.has(`${payload.modelsUrl}${payload.modelId}`);
	const model = await extractor(payload, id);
	if (request.type === 'load') {
		const result: LoadResult = {
			modelId: payload.modelId,
			loadMs: wasLoaded ? 0 : performance.now() - started
		};
		return post({ type: 'result', id, payload: result });
	}
	const texts = request.payload.texts;
	const inferenceStart = performance.now();
	const output = texts.length ? await model(texts, EMBED_OPTIONS) : null;
	const dims = output?.dims.at(-1) ?? 0;
	// Text with no known token pools to 0/0; a zero vector is "similar to nothing" instead.
	const data = Float32Array.from(output?.data ?? [], (x) => (Number.isFinite(x) ? Number(x) : 0));
	const result: EmbedResult = {
		modelId: payload.modelId,
		dims,
		data,
		inferenceMs: performance.now() - inferenceStart
	};
	post({ type: 'result', id, payload: result }, [data.buffer]);
}

scope.onmessage = (event: MessageEvent<MlRequest>) => {
	handle(event.data).catch((err: unknown) => {
		const message = err instanceof Error ? err.message : String(err);
		post({ type: 'error', id: event.data.id, payload: { message } });
	});
};
