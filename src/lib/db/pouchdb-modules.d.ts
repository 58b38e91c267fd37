declare module 'pouchdb-adapter-indexeddb' {
	const plugin: PouchDB.Plugin;
	export default plugin;
}

declare module 'pouchdb-adapter-memory' {
	const plugin: PouchDB.Plugin;
	export default plugin;
}

declare module 'pouchdb-abstract-mapreduce' {
	type Emit = (key: unknown, value?: unknown) => void;
	type Reduce = (keys: unknown, values: unknown[], rereduce: boolean) => unknown;
	/** PouchDB's view engine with the evaluation of view code left to the caller. */
	export default function createAbstractMapReduce(
		localDocName: string,
		mapper: (mapFun: string, emit: Emit) => (doc: unknown) => void,
		reducer: (reduceFun: string) => Reduce,
		ddocValidator: (ddoc: { views?: Record<string, unknown> }, viewName: string) => void
	): { query: (...args: never[]) => unknown; viewCleanup: (...args: never[]) => unknown };
}
