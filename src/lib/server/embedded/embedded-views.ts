/**
 * The embedded server's view engine: PouchDB's map/reduce indexes, with map functions taken
 * from TaskFlow's own modules (trusted-code.ts), never compiled from the stored design
 * document. The stored map text still signs the index, so a redeployed view is rebuilt.
 * Reduces are CouchDB's built-ins only.
 *
 * PouchDB keeps no reductions in its index, so every reduce query reads all the rows in its
 * range; answers are therefore kept until the database changes (view-results-cache.ts).
 */
import createAbstractMapReduce from 'pouchdb-abstract-mapreduce';
import { builtinReducer } from '../../db/views/builtin-reduce';
import { notFound } from './http-kit';
import { viewFor, type MapFn } from './trusted-code';
import { cachedQuery, type CacheableDb } from './view-results-cache';

type Emit = (key: unknown, value?: unknown) => void;

/** Stored map text → the trusted function it stands for (filled in before each query). */
const trusted = new Map<string, MapFn>();

function compileMap(source: string, emit: Emit): (doc: unknown) => void {
	const fn = trusted.get(source);
	if (!fn) throw notFound('this server runs only TaskFlow views');
	const globals = globalThis as { emit?: Emit };
	// CouchDB's map functions call a global `emit`; each call gets the document's own.
	return (doc) => {
		const before = globals.emit;
		globals.emit = emit;
		try {
			fn(structuredClone(doc));
		} finally {
			globals.emit = before;
		}
	};
}

const engine = createAbstractMapReduce('mrviews', compileMap, builtinReducer, () => undefined);

type Callback = (err: unknown, res?: unknown) => void;
interface ViewDb extends CacheableDb {
	name: string;
	get(id: string): Promise<{ views?: Record<string, { map?: unknown }> }>;
}

/** Checks `ddoc/view` against the trusted code and lets the engine map with it. */
async function admit(db: ViewDb, fun: unknown): Promise<void> {
	if (typeof fun !== 'string' || !/^[^/]+\/[^/]+$/.test(fun)) throw notFound('missing_named_view');
	const [ddoc, view] = fun.split('/') as [string, string];
	const code = viewFor(db.name, `_design/${ddoc}`, view);
	const stored = (await db.get(`_design/${ddoc}`)).views?.[view]?.map;
	if (!code || typeof stored !== 'string') throw notFound('missing_named_view');
	trusted.set(stored, code.map);
}

/** `query`/`viewCleanup` for the embedded server's PouchDB (same index names as PouchDB's). */
export const embeddedViews = {
	query(this: ViewDb, fun: unknown, opts?: object | Callback, callback?: Callback) {
		const done = typeof opts === 'function' ? (opts as Callback) : callback;
		const options = typeof opts === 'object' && opts ? opts : {};
		const run = engine.query as (this: ViewDb, fun: unknown, o: object) => Promise<unknown>;
		const promise = admit(this, fun).then(() =>
			cachedQuery(this, fun, options, (o) => run.call(this, fun, o))
		);
		if (done) promise.then((res) => done(null, res), done);
		return promise;
	},
	viewCleanup: engine.viewCleanup
};
