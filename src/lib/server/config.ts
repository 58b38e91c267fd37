/**
 * Server configuration from the environment, validated once at startup so that a typo in
 * a deployment fails loudly with a message that names the variable.
 */
import path from 'node:path';
import { z } from 'zod';

/** Everything the Node server reads from the environment. */
export interface ServerConfig {
	port: number;
	host: string;
	/** Absolute directory for the embedded database, generated credentials and state files. */
	dataDir: string;
	/** External CouchDB; `null` runs the embedded server instead. */
	couchUrl: string | null;
	/** Server admin name/password from the environment or COUCHDB_URL's user info, if given. */
	adminUser: string | null;
	adminPassword: string | null;
	/** Fixed port for the embedded server; `null` picks a free one. */
	embeddedCouchPort: number | null;
	/** Run the background workers in this process (`WORKERS=off` when they run alone). */
	workers: boolean;
	/** Port of the health and metrics endpoints of `node build/workers.js`. */
	workersPort: number;
	/** Proxies in front whose X-Forwarded-For/-Proto/-Host are believed; 0 trusts none. */
	trustProxy: number;
	/** The public origin browsers use (ORIGIN), e.g. `https://tasks.example.org`. */
	origin: string | null;
	/** Bearer token for `/metrics`; without one, only loopback callers get metrics. */
	metricsToken: string | null;
	/**
	 * How long a signed-in device stays signed in without a request (SESSION_DAYS, default
	 * 30; sync traffic renews it). The embedded server's; on CouchDB, `[chttpd_auth] timeout`.
	 */
	sessionSeconds: number;
	/** Quotas; 0 means no limit. */
	limits: Limits;
}

/** What one account and one workspace may use. */
export interface Limits {
	/** Workspaces one account may own. */
	workspacesPerAccount: number;
	/** Bytes one workspace database may take before writes are refused (deletions pass). */
	workspaceBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
	workspacesPerAccount: 50,
	workspaceBytes: 5 * 1024 * 1024 * 1024
};

const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z
	.object({
		PORT: port.default(3000),
		HOST: z.string().min(1).default('0.0.0.0'),
		DATA_DIR: z.string().min(1).default('./data'),
		COUCHDB_URL: z.url({ protocol: /^https?$/ }).optional(),
		COUCHDB_USER: z.string().min(1).optional(),
		COUCHDB_PASSWORD: z.string().min(1).optional(),
		EMBEDDED_COUCH_PORT: port.optional(),
		WORKERS: z.enum(['on', 'off']).default('on'),
		WORKERS_PORT: port.default(3001),
		TRUST_PROXY: z
			.union([z.enum(['true', 'false']), z.coerce.number().int().min(0).max(10)])
			.default(0)
			.transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : v)),
		METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
		SESSION_DAYS: z.coerce.number().int().min(1).max(400).default(30),
		MAX_WORKSPACES_PER_ACCOUNT: z.coerce.number().int().min(0).max(1_000_000).optional(),
		MAX_WORKSPACE_MB: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
		ORIGIN: z
			.url({ protocol: /^https?$/ })
			.refine(
				(u) => new URL(u).pathname === '/' && !u.endsWith('/'),
				'must be an origin such as https://tasks.example.org (no path, no trailing slash)'
			)
			.optional()
	})
	.transform((e, ctx) => {
		const issue = (path: string, message: string) => {
			ctx.addIssue({ code: 'custom', path: [path], message });
			return z.NEVER;
		};
		const couch = e.COUCHDB_URL ? splitCouchUrl(e.COUCHDB_URL) : null;
		if (couch === 'malformed') {
			return issue(
				'COUCHDB_URL',
				'the user or password is not valid percent-encoding (write % as %25, @ as %40, : as %3A)'
			);
		}
		if (couch?.user && e.COUCHDB_USER && couch.user !== e.COUCHDB_USER) {
			return issue(
				'COUCHDB_URL',
				`names the user "${couch.user}" but COUCHDB_USER is "${e.COUCHDB_USER}"; give the admin once`
			);
		}
		if (couch?.password && e.COUCHDB_PASSWORD && couch.password !== e.COUCHDB_PASSWORD) {
			return issue('COUCHDB_URL', 'its password differs from COUCHDB_PASSWORD; give it once');
		}
		// Each half from the environment, else from the URL (as curl and nano take them).
		const user = e.COUCHDB_USER ?? couch?.user ?? null;
		const password = e.COUCHDB_PASSWORD ?? couch?.password ?? null;
		if (couch && !(user && password)) {
			return issue(
				'COUCHDB_USER',
				'COUCHDB_URL needs a server admin: COUCHDB_USER and COUCHDB_PASSWORD, or http://user:password@host in the URL'
			);
		}
		if (!user !== !password) {
			return issue('COUCHDB_PASSWORD', 'set both COUCHDB_USER and COUCHDB_PASSWORD, or neither');
		}
		return { ...e, couchUrl: couch?.url ?? null, adminUser: user, adminPassword: password };
	});

/**
 * COUCHDB_URL without its credentials (and without a trailing slash), and the
 * percent-decoded user and password it carried; `malformed` when they do not decode.
 */
export function splitCouchUrl(
	raw: string
): { url: string; user: string | null; password: string | null } | 'malformed' {
	const url = new URL(raw);
	let user: string | null;
	let password: string | null;
	try {
		user = url.username ? decodeURIComponent(url.username) : null;
		password = url.password ? decodeURIComponent(url.password) : null;
	} catch {
		return 'malformed';
	}
	url.username = '';
	url.password = '';
	return { url: url.href.replace(/\/+$/, ''), user, password };
}

/** Thrown with every problem in the environment listed, one per line. */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

/** Reads and validates the configuration; empty variables count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
	const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
	const parsed = envSchema.safeParse(present);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'env'}: ${i.message}`);
		throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
	}
	const e = parsed.data;
	return {
		port: e.PORT,
		host: e.HOST,
		dataDir: path.resolve(e.DATA_DIR),
		couchUrl: e.couchUrl,
		adminUser: e.adminUser,
		adminPassword: e.adminPassword,
		embeddedCouchPort: e.EMBEDDED_COUCH_PORT ?? null,
		workers: e.WORKERS === 'on',
		workersPort: e.WORKERS_PORT,
		trustProxy: e.TRUST_PROXY,
		origin: e.ORIGIN ?? null,
		metricsToken: e.METRICS_TOKEN ?? null,
		sessionSeconds: e.SESSION_DAYS * 24 * 3600,
		limits: {
			workspacesPerAccount: e.MAX_WORKSPACES_PER_ACCOUNT ?? DEFAULT_LIMITS.workspacesPerAccount,
			workspaceBytes:
				e.MAX_WORKSPACE_MB === undefined
					? DEFAULT_LIMITS.workspaceBytes
					: e.MAX_WORKSPACE_MB * 1024 * 1024
		}
	};
}
