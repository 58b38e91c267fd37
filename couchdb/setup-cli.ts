/**
 * `node build/setup.js`: provisions a CouchDB for TaskFlow (system databases, registry,
 * design documents of every workspace). Reads COUCHDB_URL and the admin the way the server
 * does (COUCHDB_USER and COUCHDB_PASSWORD, or user info in the URL).
 */
import { loadConfig } from '../src/lib/server/config';
import { adminClient, provisionServer, waitForCouch } from './provision';

async function main(): Promise<void> {
	const { couchUrl: url, adminUser: user, adminPassword: password } = loadConfig();
	if (!url || !user || !password) {
		throw new Error('set COUCHDB_URL and a server admin (COUCHDB_USER and COUCHDB_PASSWORD)');
	}
	// The URL as loadConfig returns it, without credentials.
	console.log(`waiting for ${url} …`);
	await waitForCouch(url);
	await provisionServer(adminClient(url, { user, password }));
	console.log('TaskFlow databases are provisioned');
}

main().catch((err: unknown) => {
	console.error(`setup failed: ${err instanceof Error ? err.message : String(err)}`);
	process.exit(1);
});
