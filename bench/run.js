// `npm run bench [-- --quick]`: builds the app when build/server.js is missing, bundles the
// TypeScript bench (scripts/run-ts-lib.js) and runs it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTypeScript } from '../scripts/run-ts-lib.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

if (!existsSync('build/server.js')) {
	console.log('building TaskFlow (build/server.js is missing) …');
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.exitCode = await runTypeScript('bench/main.ts', process.argv.slice(2));
