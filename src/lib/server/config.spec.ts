import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, splitCouchUrl } from './config';

/** The message loadConfig throws for this environment (fails the test if it does not). */
function refusal(env: NodeJS.ProcessEnv): string {
	try {
		loadConfig(env);
	} catch (err) {
		expect(err).toBeInstanceOf(ConfigError);
		return (err as Error).message;
	}
	throw new Error('expected a ConfigError');
}

const admin = (c: ReturnType<typeof loadConfig>) => [c.couchUrl, c.adminUser, c.adminPassword];

describe('loadConfig', () => {
	it('runs the embedded server with defaults when nothing is set', () => {
		expect(loadConfig({})).toEqual({
			port: 3000,
			host: '0.0.0.0',
			dataDir: path.resolve('./data'),
			couchUrl: null,
			adminUser: null,
			adminPassword: null,
			embeddedCouchPort: null,
			workers: true,
			workersPort: 3001,
			trustProxy: 0,
			origin: null,
			metricsToken: null,
			sessionSeconds: 30 * 24 * 3600,
			limits: { workspacesPerAccount: 50, workspaceBytes: 5 * 1024 ** 3 }
		});
	});

	it('reads how many proxies to trust and the public origin', () => {
		expect(loadConfig({ TRUST_PROXY: '2', ORIGIN: 'https://tasks.example.org' })).toMatchObject({
			trustProxy: 2,
			origin: 'https://tasks.example.org'
		});
		expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
		expect(loadConfig({ SESSION_DAYS: '7' }).sessionSeconds).toBe(7 * 24 * 3600);
		expect(() => loadConfig({ SESSION_DAYS: '0' })).toThrow(/SESSION_DAYS/);
		expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(0);
		expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
		expect(() => loadConfig({ ORIGIN: 'https://tasks.example.org/' })).toThrow(/ORIGIN/);
		expect(() => loadConfig({ ORIGIN: 'https://x.org/app' })).toThrow(/ORIGIN/);
	});

	it('takes the admin from COUCHDB_USER and COUCHDB_PASSWORD', () => {
		const c = loadConfig({
			COUCHDB_URL: 'http://couch:5984/',
			COUCHDB_USER: 'admin',
			COUCHDB_PASSWORD: 'pw'
		});
		expect(admin(c)).toEqual(['http://couch:5984', 'admin', 'pw']);
	});

	it('takes the admin from the URL, and strips it from the URL', () => {
		const c = loadConfig({ COUCHDB_URL: 'http://admin:pw@couch:5984' });
		expect(admin(c)).toEqual(['http://couch:5984', 'admin', 'pw']);
	});

	it.each([
		['https, trailing slash', 'https://admin:pw@couch.example.org/', 'https://couch.example.org'],
		['a path prefix', 'http://admin:pw@proxy:8080/couch//', 'http://proxy:8080/couch']
	])('keeps the rest of the URL: %s', (_, url, stripped) => {
		expect(admin(loadConfig({ COUCHDB_URL: url }))).toEqual([stripped, 'admin', 'pw']);
	});

	it.each([
		['@ and : percent-encoded', 'http://ad%40min:p%3Aw%40rd@couch:5984', 'ad@min', 'p:w@rd'],
		['% and space encoded', 'http://admin:100%25%20sure@couch:5984', 'admin', '100% sure'],
		['a raw @ (the last one ends the user info)', 'http://admin:p@ss@couch:5984', 'admin', 'p@ss'],
		['a raw : in the password', 'http://admin:a:b@couch:5984', 'admin', 'a:b'],
		['non-ASCII', 'http://jos%C3%A9:%C3%BC@couch:5984', 'josé', 'ü']
	])('percent-decodes the user info: %s', (_, url, user, password) => {
		expect(admin(loadConfig({ COUCHDB_URL: url }))).toEqual(['http://couch:5984', user, password]);
	});

	it('refuses user info that is not valid percent-encoding', () => {
		expect(refusal({ COUCHDB_URL: 'http://admin:50%off@couch:5984' })).toMatch(
			/COUCHDB_URL: the user or password is not valid percent-encoding/
		);
	});

	it('completes a URL with only a user from COUCHDB_PASSWORD', () => {
		const c = loadConfig({ COUCHDB_URL: 'http://admin@couch:5984', COUCHDB_PASSWORD: 'pw' });
		expect(admin(c)).toEqual(['http://couch:5984', 'admin', 'pw']);
	});

	it('refuses a URL with only a user and no password anywhere', () => {
		for (const url of ['http://admin@couch:5984', 'http://admin:@couch:5984']) {
			expect(refusal({ COUCHDB_URL: url })).toMatch(
				/COUCHDB_USER: COUCHDB_URL needs a server admin/
			);
		}
	});

	it('accepts the same admin given twice', () => {
		const c = loadConfig({
			COUCHDB_URL: 'http://admin:p%40w@couch:5984',
			COUCHDB_USER: 'admin',
			COUCHDB_PASSWORD: 'p@w'
		});
		expect(admin(c)).toEqual(['http://couch:5984', 'admin', 'p@w']);
	});

	it('refuses two different users, naming both', () => {
		const message = refusal({
			COUCHDB_URL: 'http://alice:pw@couch:5984',
			COUCHDB_USER: 'bob',
			COUCHDB_PASSWORD: 'pw'
		});
		expect(message).toMatch(/COUCHDB_URL: names the user "alice" but COUCHDB_USER is "bob"/);
	});

	it('refuses two different passwords without printing either', () => {
		const message = refusal({
			COUCHDB_URL: 'http://admin:url-secret@couch:5984',
			COUCHDB_USER: 'admin',
			COUCHDB_PASSWORD: 'env-secret'
		});
		expect(message).toMatch(/COUCHDB_URL: its password differs from COUCHDB_PASSWORD/);
		expect(message).not.toMatch(/secret/);
	});

	it('still needs an admin with COUCHDB_URL, and both halves without it', () => {
		expect(refusal({ COUCHDB_URL: 'http://couch:5984' })).toMatch(/needs a server admin/);
		expect(refusal({ COUCHDB_USER: 'admin' })).toMatch(
			/COUCHDB_PASSWORD: set both COUCHDB_USER and COUCHDB_PASSWORD, or neither/
		);
	});

	it('refuses what is not an http(s) URL, and treats empty variables as unset', () => {
		const refused = refusal({ COUCHDB_URL: 'ftp://admin:secret@couch' });
		expect(refused).toMatch(/COUCHDB_URL/);
		expect(refused).not.toMatch(/secret/);
		expect(
			refusal({ COUCHDB_URL: 'couch:5984', COUCHDB_USER: 'a', COUCHDB_PASSWORD: 'b' })
		).toMatch(/COUCHDB_URL/);
		expect(loadConfig({ COUCHDB_URL: '', COUCHDB_USER: '', PORT: '' }).couchUrl).toBeNull();
	});
});

describe('splitCouchUrl', () => {
	it('returns the URL untouched apart from the trailing slash when it has no user info', () => {
		expect(splitCouchUrl('http://couch:5984/')).toEqual({
			url: 'http://couch:5984',
			user: null,
			password: null
		});
	});
});

describe('loadConfig: limits', () => {
	it('reads the quotas, 0 meaning none', () => {
		const c = loadConfig({ MAX_WORKSPACES_PER_ACCOUNT: '3', MAX_WORKSPACE_MB: '0' });
		expect(c.limits).toEqual({ workspacesPerAccount: 3, workspaceBytes: 0 });
		expect(() => loadConfig({ MAX_WORKSPACE_MB: '-1' })).toThrow(/MAX_WORKSPACE_MB/);
	});
});
