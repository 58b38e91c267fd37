import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminHashMatches } from './embedded-couch';

const hash = (password: string, salt = 'a1b2c3', iterations = 10) =>
	`-pbkdf2-${pbkdf2Sync(password, salt, iterations, 20, 'sha1').toString('hex')},${salt},${iterations}`;

describe('adminHashMatches', () => {
	it('accepts the password a stored hash was made from', () => {
		expect(adminHashMatches(hash('s3cret-pass'), 's3cret-pass')).toBe(true);
	});

	it('rejects another password, a plain value and malformed entries', () => {
		expect(adminHashMatches(hash('s3cret-pass'), 'other-pass')).toBe(false);
		expect(adminHashMatches('s3cret-pass', 's3cret-pass')).toBe(false);
		expect(adminHashMatches('-pbkdf2-abc', 's3cret-pass')).toBe(false);
		expect(adminHashMatches(undefined, 's3cret-pass')).toBe(false);
	});
});
