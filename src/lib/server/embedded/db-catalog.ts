/**
 * The embedded server's databases: which exist (listed in `pouch__all_dbs__`, the catalog
 * express-pouchdb kept, so data written by earlier versions is found), and one open PouchDB
 * object per database. Names are CouchDB's, minus `/`: each database is a directory.
 */
import { CouchError, notFound } from './http-kit';

/** What the catalog needs of a PouchDB constructor (LevelDB, with the data directory set). */
export interface PouchCtor<Db> {
	new (name: string): Db;
}

interface CatalogDb {
	get(id: string): Promise<unknown>;
	put(doc: { _id: string }): Promise<unknown>;
	remove(doc: { _id: string; _rev: string }): Promise<unknown>;
	allDocs(opts: object): Promise<{ rows: { id: string }[] }>;
}

interface Destroyable {
	destroy(): Promise<unknown>;
	close?(): Promise<unknown>;
}

const CATALOG = 'pouch__all_dbs__';
const PREFIX = 'db_';
const SYSTEM = new Set(['_users', '_replicator', '_global_changes']);
const NAME = /^[a-z][a-z0-9_$()+-]{0,237}$/;

/** Whether `name` may name a database here. */
export const isDbName = (name: string) => SYSTEM.has(name) || NAME.test(name);

export class DbCatalog<Db extends Destroyable> {
	readonly #ctor: PouchCtor<Db>;
	readonly #catalog: CatalogDb;
	readonly #open = new Map<string, Db>();
	#names: Promise<Set<string>> | null = null;

	constructor(ctor: PouchCtor<Db>) {
		this.#ctor = ctor;
		this.#catalog = new ctor(CATALOG) as unknown as CatalogDb;
	}

	async list(): Promise<string[]> {
		return [...(await this.#known())].sort();
	}

	async exists(name: string): Promise<boolean> {
		return (await this.#known()).has(name);
	}

	/** The open database `name`; 404 when it does not exist. */
	async get(name: string): Promise<Db> {
		if (!(await this.exists(name))) throw notFound('Database does not exist.');
		let db = this.#open.get(name);
		if (!db) {
			db = new this.#ctor(name);
			this.#open.set(name, db);
		}
		return db;
	}

	/** Creates `name`; 412 when it exists. */
	async create(name: string): Promise<void> {
		if (!isDbName(name)) {
			throw new CouchError(400, 'illegal_database_name', `Name: '${name}' is not allowed.`);
		}
		const names = await this.#known();
		if (names.has(name)) {
			throw new CouchError(
				412,
				'file_exists',
				'The database could not be created, the file already exists.'
			);
		}
		names.add(name);
		try {
			await this.#catalog.put({ _id: PREFIX + name });
			this.#open.set(name, new this.#ctor(name));
		} catch (err) {
			names.delete(name);
			throw err;
		}
	}

	/** Deletes `name` and its files; 404 when it does not exist. */
	async destroy(name: string): Promise<void> {
		const db = await this.get(name);
		const names = await this.#known();
		names.delete(name);
		this.#open.delete(name);
		const entry = (await this.#catalog.get(PREFIX + name)) as { _id: string; _rev: string };
		await this.#catalog.remove(entry);
		await db.destroy();
	}

	async close(): Promise<void> {
		const all = [...this.#open.values(), this.#catalog as unknown as Destroyable];
		this.#open.clear();
		await Promise.all(all.map(async (db) => db.close?.().catch(() => undefined)));
	}

	#known(): Promise<Set<string>> {
		this.#names ??= this.#catalog
			.allDocs({ startkey: PREFIX, endkey: `${PREFIX}\ufff0` })
			.then((res) => new Set(res.rows.map((r) => r.id.slice(PREFIX.length)).filter(isDbName)));
		this.#names.catch(() => (this.#names = null));
		return this.#names;
	}
}
