/**
 * `node build/setup.js`: provisions a CouchDB for TaskFlow (system databases, registry,
 * design documents of every workspace). Reads COUCHDB_URL, COUCHDB_USER, COUCHDB_PASSWORD.
 */
import { adminClient, provisionServer, waitForCouch } from './provision';

async function main(): Promise<void> {
	const url = process.env.COUCHDB_URL?.replace(/\/+$/, '');
	const user = process.env.COUCHDB_USER;
	const password = process.env.COUCHDB_PASSWORD;
	if (!url || !user || !password) {
		throw new Error('set COUCHDB_URL (without credentials), COUCHDB_USER and COUCHDB_PASSWORD');
	}
	console.log(`waiting for ${url} …`);
	await waitForCouch(url);
	await provisionServer(adminClient(url, { user, password }));
	console.log('TaskFlow databases are provisioned');
}

main().catch((err: unknown) => {
	console.error(`setup failed: ${err instanceof Error ? err.message : String(err)}`);
	process.exit(1);
});
