// Minimal typings for the untyped packages behind the embedded server.

declare module 'pouchdb-node' {
	const PouchDB: PouchDB.Static;
	export default PouchDB;
}
