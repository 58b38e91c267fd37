// Minimal typings for the untyped packages behind the embedded server.

declare module 'pouchdb-node' {
	const PouchDB: PouchDB.Static;
	export default PouchDB;
}

declare module 'express-pouchdb' {
	import type { RequestListener } from 'node:http';

	interface CouchConfig {
		get(section: string, key: string): unknown;
		set(section: string, key: string, value: string, cb: (err?: Error | null) => void): void;
	}

	interface ExpressPouchDBOptions {
		mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
		configPath?: string;
		logPath?: string;
		inMemoryConfig?: boolean;
		overrideMode?: { include?: string[]; exclude?: string[] };
	}

	interface DatabaseWrapper {
		registerWrapper(wrapper: (name: string, db: object, next: () => unknown) => unknown): void;
	}

	type ExpressPouchDBApp = RequestListener & {
		couchConfig: CouchConfig;
		dbWrapper: DatabaseWrapper;
	};

	function expressPouchDB(pouch: PouchDB.Static, opts?: ExpressPouchDBOptions): ExpressPouchDBApp;
	export default expressPouchDB;
}
