/**
 * Server admin credentials. Taken from the environment when given; otherwise generated on
 * first start and kept in `DATA_DIR/admin-credentials.json` (mode 0600) so that restarts
 * reuse them and operators can find them.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ServerConfig } from './config';

/** A CouchDB server admin. */
export interface AdminCredentials {
	user: string;
	password: string;
}

export const ADMIN_CREDENTIALS_FILE = 'admin-credentials.json';

/** The admin to use: from the config, else the stored one, else a new random one. */
export async function ensureAdminCredentials(config: ServerConfig): Promise<AdminCredentials> {
	if (config.adminUser && config.adminPassword) {
		return { user: config.adminUser, password: config.adminPassword };
	}
	const file = path.join(config.dataDir, ADMIN_CREDENTIALS_FILE);
	const stored = await readStored(file);
	if (stored) return stored;
	const created: AdminCredentials = {
		user: 'tf-admin',
		password: randomBytes(24).toString('base64url')
	};
	await mkdir(config.dataDir, { recursive: true });
	// 'wx' so two processes racing on a fresh DATA_DIR cannot silently swap credentials.
	await writeFile(file, JSON.stringify(created, null, '\t') + '\n', { mode: 0o600, flag: 'wx' });
	return created;
}

async function readStored(file: string): Promise<AdminCredentials | null> {
	let raw: string;
	try {
		raw = await readFile(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw err;
	}
	const data = JSON.parse(raw) as Partial<AdminCredentials>;
	if (typeof data.user !== 'string' || typeof data.password !== 'string') {
		throw new Error(`${file} is malformed: expected {"user", "password"}`);
	}
	return { user: data.user, password: data.password };
}
