// `npm run bench [-- --quick]`: builds the app when build/server.js is missing, bundles the
// TypeScript bench with esbuild (packages stay external, resolved from node_modules) and
// runs it. The bundle goes under node_modules/.cache so its bare imports resolve.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

if (!existsSync('build/server.js')) {
	console.log('building TaskFlow (build/server.js is missing) …');
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const outfile = path.join(root, 'node_modules/.cache/taskflow-bench', `main-${process.pid}.mjs`);
await build({
	entryPoints: ['bench/main.ts'],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: 'inline',
	logLevel: 'warning'
});
try {
	const { main } = await import(pathToFileURL(outfile).href);
	process.exitCode = await main(process.argv.slice(2));
} finally {
	rmSync(outfile, { force: true });
}
