/**
 * Password hashes of the embedded server's accounts, in CouchDB's `_users` fields:
 * PBKDF2 with `pbkdf2_prf` (CouchDB 3.4+ writes SHA-256 at 600,000 iterations; older
 * documents, including those express-pouchdb wrote with 10 iterations of SHA-1, still
 * verify and are re-hashed at the current strength on the next sign-in).
 */
import { createHash, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

/** CouchDB 3.5's default iterations for new hashes. */
export const DEFAULT_ITERATIONS = 600_000;

/** The hash fields of a `_users` document. */
export interface PasswordHash {
	password_scheme: 'pbkdf2';
	pbkdf2_prf: 'sha256';
	iterations: number;
	salt: string;
	derived_key: string;
}

const KEY_BYTES = { sha1: 20, sha256: 32 } as const;

/** Hashes `password` at `iterations` with a fresh salt. */
export async function hashPassword(password: string, iterations: number): Promise<PasswordHash> {
	const salt = randomBytes(16).toString('hex');
	const key = await pbkdf2Async(password, salt, iterations, KEY_BYTES.sha256, 'sha256');
	return {
		password_scheme: 'pbkdf2',
		pbkdf2_prf: 'sha256',
		iterations,
		salt,
		derived_key: key.toString('hex')
	};
}

/** Whether `password` matches the hash fields of `doc` (false for anything malformed). */
export async function verifyPassword(
	doc: Record<string, unknown>,
	password: string
): Promise<boolean> {
	const { password_scheme, pbkdf2_prf = 'sha1', iterations, salt, derived_key } = doc;
	if (password_scheme !== 'pbkdf2') return false;
	if (pbkdf2_prf !== 'sha1' && pbkdf2_prf !== 'sha256') return false;
	if (typeof salt !== 'string' || typeof derived_key !== 'string') return false;
	if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < 1) {
		return false;
	}
	if (iterations > 10_000_000) return false;
	const key = await pbkdf2Async(password, salt, iterations, KEY_BYTES[pbkdf2_prf], pbkdf2_prf);
	const expected = new Uint8Array(Buffer.from(derived_key, 'hex'));
	return expected.length === key.length && timingSafeEqual(expected, new Uint8Array(key));
}

/** Whether a stored hash is weaker than what new hashes get. */
export function needsRehash(doc: Record<string, unknown>, iterations: number): boolean {
	return (
		doc.pbkdf2_prf !== 'sha256' || typeof doc.iterations !== 'number' || doc.iterations < iterations
	);
}

/** Compares two strings in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
	const x = new Uint8Array(createHash('sha256').update(a).digest());
	const y = new Uint8Array(createHash('sha256').update(b).digest());
	return timingSafeEqual(x, y);
}
