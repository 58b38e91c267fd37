/**
 * The embedded server's view engine. express-pouchdb would run design-document views through
 * PouchDB's Node map/reduce, which builds a fresh `vm` context for every document it maps:
 * about 1 ms a document, so indexing 20,000 time entries took 17 s. We register PouchDB's
 * view engine with map functions compiled once per view instead. Design documents can only
 * be written by the server admin (the door and `validate_doc_update` refuse everyone else),
 * so the code compiled here is the server's own, as in CouchDB.
 *
 * PouchDB keeps no reductions in its index, so every reduce query reads all the rows in its
 * range; answers are therefore kept until the database changes (view-results-cache.ts).
 */
import createAbstractMapReduce from 'pouchdb-abstract-mapreduce';
import { builtinReducer, sumValues } from '../db/views/builtin-reduce';
import { cachedQuery, type CacheableDb } from './view-results-cache';

type Emit = (key: unknown, value?: unknown) => void;
type MapFn = (doc: unknown) => void;

function compileMap(source: string, emit: Emit): MapFn {
	// The same names CouchDB's JavaScript view server offers to map functions.
	// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the server's own design documents, as CouchDB runs them
	const factory = new Function(
		'emit',
		'sum',
		'log',
		'isArray',
		'toJSON',
		`return (${source.replace(/;\s*$/, '')});`
	) as (...args: unknown[]) => MapFn;
	const fn = factory(
		emit,
		sumValues,
		() => undefined,
		Array.isArray,
		(v: unknown) => JSON.stringify(v)
	);
	if (typeof fn !== 'function') throw new Error('a view map must be a function');
	// Map functions get a copy, as in CouchDB: they must not change the stored document.
	return (doc) => fn(structuredClone(doc));
}

function validateDdoc(ddoc: { views?: Record<string, unknown> }, viewName: string) {
	const view = ddoc.views?.[viewName] as { map?: unknown } | undefined;
	if (typeof view?.map !== 'string') throw new Error(`ddoc has no view named ${viewName}`);
}

const engine = createAbstractMapReduce('mrviews', compileMap, builtinReducer, validateDdoc);

type Callback = (err: unknown, res?: unknown) => void;

/** `query`/`viewCleanup` for the embedded server's PouchDB (same index names as PouchDB's). */
export const embeddedViews = {
	query(this: CacheableDb, fun: unknown, opts?: object | Callback, callback?: Callback) {
		const done = typeof opts === 'function' ? (opts as Callback) : callback;
		const options = typeof opts === 'object' && opts ? opts : {};
		const run = engine.query as (this: CacheableDb, fun: unknown, o: object) => Promise<unknown>;
		const promise = cachedQuery(this, fun, options, (o) => run.call(this, fun, o));
		if (done) promise.then((res) => done(null, res), done);
		return promise;
	},
	viewCleanup: engine.viewCleanup
};
