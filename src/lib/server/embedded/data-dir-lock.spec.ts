import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
	const dirs: string[] = [];
	const fresh = () => {
		const d = mkdtempSync(path.join(tmpdir(), 'tf-lock-'));
		dirs.push(d);
		return d;
	};
	afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

	it('writes this process id and removes it on release', () => {
		const dir = fresh();
		const release = lockDataDir(dir);
		expect(readFileSync(path.join(dir, 'taskflow.pid'), 'utf8').trim()).toBe(String(process.pid));
		release();
		expect(existsSync(path.join(dir, 'taskflow.pid'))).toBe(false);
	});

	it('refuses a directory held by a live process, naming it', () => {
		const dir = fresh();
		// The parent of this test process is alive for the whole test.
		writeFileSync(path.join(dir, 'taskflow.pid'), `${process.ppid}\n`);
		expect(() => lockDataDir(dir)).toThrow(
			`in use by another TaskFlow process (pid ${process.ppid})`
		);
	});

	it('takes over a stale lock left by a crashed process', () => {
		const dir = fresh();
		writeFileSync(path.join(dir, 'taskflow.pid'), '999999999\n');
		const release = lockDataDir(dir);
		expect(readFileSync(path.join(dir, 'taskflow.pid'), 'utf8').trim()).toBe(String(process.pid));
		release();
	});
});
