/**
 * Querying the workspace views, on the server (remote database) or on this device's copy.
 * Both give the same rows: the same map functions run in both places (see local-views.ts).
 */
import type { Db } from '../pouch';
import type { ViewName } from './local-views';

export type { ViewName };
export type ViewOptions = PouchDB.Query.Options<object, object>;
export interface ViewRow<V = unknown> {
	id?: string;
	key: unknown[];
	value: V;
	doc?: Record<string, unknown>;
}

const installed = new WeakMap<Db, Promise<void>>();

// The view engine registers itself on PouchDB when loaded; it is off the start-up path.
let engine: Promise<typeof import('./local-views')> | null = null;
const loadEngine = () => (engine ??= import('./local-views'));

/** Puts (or updates) the local design document that names the views and their versions. */
async function installLocalDdoc(db: Db): Promise<void> {
	const { LOCAL_DDOC, localViewRefs } = await loadEngine();
	const id = `_design/${LOCAL_DDOC}`;
	const views = localViewRefs();
	for (let attempt = 0; attempt < 3; attempt++) {
		let rev: string | undefined;
		try {
			const current = (await db.get(id)) as { _rev: string; views?: unknown };
			if (JSON.stringify(current.views) === JSON.stringify(views)) return;
			rev = current._rev;
		} catch (err) {
			if ((err as { status?: number }).status !== 404) throw err;
		}
		try {
			await db.put({ _id: id, ...(rev ? { _rev: rev } : {}), language: 'javascript', views });
			// Indexes of older versions of the views are no longer used.
			void db.viewCleanup().catch(() => undefined);
			return;
		} catch (err) {
			// Another tab installed it at the same moment: read again.
			if ((err as { status?: number }).status !== 409) throw err;
		}
	}
}

const isRemote = (db: Db) => (db as { adapter?: string }).adapter === 'http';

/** Rows of a workspace view, from the server for a remote database, else from this device. */
export async function queryView<V = unknown>(
	db: Db,
	name: ViewName,
	opts: ViewOptions = {}
): Promise<ViewRow<V>[]> {
	const { LOCAL_DDOC } = await loadEngine();
	let path = `taskflow/${name}`;
	if (!isRemote(db)) {
		let ready = installed.get(db);
		if (!ready) {
			ready = installLocalDdoc(db);
			installed.set(db, ready);
			ready.catch(() => installed.delete(db));
		}
		await ready;
		path = `${LOCAL_DDOC}/${name}`;
	}
	const res = await db.query(path, opts);
	return res.rows as unknown as ViewRow<V>[];
}
