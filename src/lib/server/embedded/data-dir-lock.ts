/**
 * One process per DATA_DIR. The embedded database is LevelDB, which allows one opener; a
 * second TaskFlow started on the same directory would otherwise die later with a LevelDB
 * stack trace. A pid file says who holds the directory; a stale one (its process gone,
 * e.g. after a crash or kill -9) is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'taskflow.pid';

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		// EPERM: the process exists but belongs to someone else.
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Take the lock or throw a message naming the holder. Returns the release function. */
export function lockDataDir(dataDir: string): () => void {
	const file = path.join(dataDir, LOCK_FILE);
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(file, 'wx', 0o644);
			writeSync(fd, `${process.pid}\n`);
			closeSync(fd);
			const release = () => {
				try {
					if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
				} catch {
					// Already gone.
				}
			};
			process.once('exit', release);
			return release;
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
			const holder = Number(readFileSync(file, 'utf8').trim());
			if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
				throw new Error(
					`DATA_DIR ${dataDir} is in use by another TaskFlow process (pid ${holder}). ` +
						'Stop it first, or give this one its own DATA_DIR.'
				);
			}
			unlinkSync(file);
		}
	}
	throw new Error(`could not lock DATA_DIR ${dataDir}`);
}
