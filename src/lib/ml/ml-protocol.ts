/**
 * Messages between the main thread (ml-client.ts) and the ML worker (worker/ml.worker.ts).
 * Every request carries an `id`; the worker answers it with one `result` or `error` of the same
 * id, and may send `progress` events for it while a model loads.
 *
 * Besides raw embeddings the worker holds each workspace's suggestion index (vectors + fitted
 * heads, see worker/workspace-engine.ts), addressed by `key` (database and model): the main
 * thread sends changed tasks with `index.sync` and asks `suggest`, `duplicates` and `search`.
 */
import type { HeadTask, SimilarTask } from './heads/head-types';
import type { SearchHit } from './heads/semantic-search';
import type { TaskSuggestions } from './heads/workspace-model';

/** Where models are served from and which one to use. */
export interface ModelRef {
	modelId: string;
	/**
	 * Root-relative path of the folder holding `<owner>/<name>/`, e.g. `/models/`. Not a full
	 * URL: transformers.js only finds local model files (tokenizer included) under a path.
	 */
	modelsUrl: string;
}

/** A workspace index in the worker: one per database and model. */
export interface IndexRef extends ModelRef {
	key: string;
}

/** Changes since the last sync; `full` replaces the worker's task set (first sync, restart). */
export interface SyncPayload extends IndexRef {
	full: boolean;
	upsert: HeadTask[];
	removed: string[];
}

/** A task not saved yet, as the duplicate check and search see it. */
export type DraftText = Pick<HeadTask, 'title' | 'description' | 'tags' | 'project'>;

/** Main thread → worker. */
export type MlRequest =
	| { type: 'load'; id: number; payload: ModelRef }
	| { type: 'embed'; id: number; payload: ModelRef & { texts: string[] } }
	| { type: 'index.sync'; id: number; payload: SyncPayload }
	| {
			type: 'suggest';
			id: number;
			payload: IndexRef & { task: HeadTask; members: string[]; today: string };
	  }
	| { type: 'duplicates'; id: number; payload: IndexRef & { draft: DraftText } }
	| {
			type: 'search';
			id: number;
			payload: IndexRef & { query: string; project?: string; limit?: number };
	  };

/** The error message of a delta sync sent to a worker that does not hold the index. */
export const UNKNOWN_INDEX = 'ML index not loaded';

/** Answer to a `load` request. */
export interface LoadResult {
	modelId: string;
	/** Time to fetch the files and start the ONNX session, 0 when it was loaded already. */
	loadMs: number;
}

/** Answer to an `embed` request: `texts.length` unit vectors of `dims`, row after row. */
export interface EmbedResult {
	modelId: string;
	dims: number;
	data: Float32Array;
	inferenceMs: number;
}

/** Answer to `index.sync`. */
export interface SyncResult {
	/** Tasks indexed. */
	size: number;
	/** Texts embedded by this sync (0 when nothing changed or the index came from IndexedDB). */
	embedded: number;
	/** Whether the index was restored from IndexedDB by this sync. */
	restored: boolean;
	/** Embedding plus refitting, in ms (in the worker). */
	ms: number;
}

/** Answers by request type. */
export interface MlResults {
	load: LoadResult;
	embed: EmbedResult;
	'index.sync': SyncResult;
	suggest: TaskSuggestions;
	duplicates: SimilarTask[];
	search: SearchHit[];
}

/** Download state of a model's files (sums over the files seen so far). */
export interface LoadProgress {
	modelId: string;
	loaded: number;
	total: number;
	/** The file being fetched, if any. */
	file?: string;
}

/** Worker → main thread. */
export type MlResponse =
	| { type: 'result'; id: number; payload: MlResults[keyof MlResults] }
	| { type: 'error'; id: number; payload: { message: string } }
	| { type: 'progress'; id: number; payload: LoadProgress };
