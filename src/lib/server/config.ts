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
	/** Server admin name/password from the environment, if given. */
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
}

const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z
	.object({
		PORT: port.default(3000),
		HOST: z.string().min(1).default('0.0.0.0'),
		DATA_DIR: z.string().min(1).default('./data'),
		COUCHDB_URL: z
			.url({ protocol: /^https?$/ })
			.refine((u) => {
				const parsed = new URL(u);
				return !parsed.username && !parsed.password;
			}, 'must not contain credentials; use COUCHDB_USER and COUCHDB_PASSWORD')
			.optional(),
		COUCHDB_USER: z.string().min(1).optional(),
		COUCHDB_PASSWORD: z.string().min(1).optional(),
		EMBEDDED_COUCH_PORT: port.optional(),
		WORKERS: z.enum(['on', 'off']).default('on'),
		WORKERS_PORT: port.default(3001),
		TRUST_PROXY: z
			.union([z.enum(['true', 'false']), z.coerce.number().int().min(0).max(10)])
			.default(0)
			.transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : v)),
		ORIGIN: z
			.url({ protocol: /^https?$/ })
			.refine(
				(u) => new URL(u).pathname === '/' && !u.endsWith('/'),
				'must be an origin such as https://tasks.example.org (no path, no trailing slash)'
			)
			.optional()
	})
	.refine((e) => !e.COUCHDB_URL || (e.COUCHDB_USER && e.COUCHDB_PASSWORD), {
		message: 'COUCHDB_URL needs COUCHDB_USER and COUCHDB_PASSWORD (a server admin)',
		path: ['COUCHDB_USER']
	})
	.refine((e) => !e.COUCHDB_USER === !e.COUCHDB_PASSWORD, {
		message: 'set both COUCHDB_USER and COUCHDB_PASSWORD, or neither',
		path: ['COUCHDB_PASSWORD']
	});

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
		couchUrl: e.COUCHDB_URL ? e.COUCHDB_URL.replace(/\/+$/, '') : null,
		adminUser: e.COUCHDB_USER ?? null,
		adminPassword: e.COUCHDB_PASSWORD ?? null,
		embeddedCouchPort: e.EMBEDDED_COUCH_PORT ?? null,
		workers: e.WORKERS === 'on',
		workersPort: e.WORKERS_PORT,
		trustProxy: e.TRUST_PROXY,
		origin: e.ORIGIN ?? null
	};
}
