/**
 * Views on the browser's local database, without `eval`.
 *
 * CouchDB runs the workspace views from the source text in `_design/taskflow`. PouchDB's own
 * view plugin would `eval` that text, which the app's Content-Security-Policy forbids. So we
 * run PouchDB's view engine (`pouchdb-abstract-mapreduce`, which keeps persistent, incremental
 * indexes) with the very same functions imported from `design-docs/lib/`: a local-only design
 * document names each view and the version of its code, and the mapper resolves that name to
 * the function. Same code online and offline, and no code is ever built from strings.
 */
import createAbstractMapReduce from 'pouchdb-abstract-mapreduce';
import PouchDB from 'pouchdb-core';
import { workspaceViews } from '../../../../design-docs/lib/workspace-views.js';
import { builtinReducer } from './builtin-reduce';

export type ViewName = keyof typeof workspaceViews;

/** The local design document; never replicated (the push filter skips `_design/`). */
export const LOCAL_DDOC = 'taskflow-local';

type Emit = (key: unknown, value?: unknown) => void;
const scope = globalThis as { emit?: Emit };

function hash(text: string): string {
	let h = 5381;
	for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
	return (h >>> 0).toString(36);
}

/** `name@version` for every view: a new version of the code builds a new index. */
export function localViewRefs(): Record<string, { map: string; reduce?: string }> {
	return Object.fromEntries(
		Object.entries(workspaceViews).map(([name, view]) => {
			const map = `${name}@${hash(view.map.toString() + (view.reduce ?? ''))}`;
			return [name, view.reduce ? { map, reduce: view.reduce } : { map }];
		})
	);
}

function mapper(ref: string, emit: Emit): (doc: unknown) => void {
	const name = ref.slice(0, ref.indexOf('@')) as ViewName;
	const view = workspaceViews[name];
	if (!view) throw new Error(`unknown view ${ref}`);
	// The functions call the global `emit`, as in CouchDB. Mapping is synchronous, so setting
	// it around each call cannot leak into another view's mapping.
	return (doc) => {
		const before = scope.emit;
		scope.emit = emit;
		try {
			view.map(doc);
		} finally {
			scope.emit = before;
		}
	};
}

function validateDdoc(ddoc: { views?: Record<string, unknown> }, viewName: string) {
	const view = ddoc.views?.[viewName] as { map?: unknown } | undefined;
	if (typeof view?.map !== 'string') throw new Error(`no view named ${viewName}`);
}

const engine = createAbstractMapReduce('tfviews', mapper, builtinReducer, validateDdoc);

// `query` on remote databases goes to the server's views over HTTP; on local ones, to ours.
PouchDB.plugin(engine);
