// `npm start`: builds when the build is missing or older than any source, then runs
// build/server.js in this process.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outputs = ['build/handler.js', 'build/server.js'].map((f) => path.join(root, f));
const sourceDirs = ['src', 'couchdb', 'design-docs', 'static'];
const configFiles = [
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json'
];

/**
 * Newest modification time under `p` (files and directories, recursively).
 * @param {string} p
 * @returns {number}
 */
function newest(p) {
	if (!existsSync(p)) return 0;
	const st = statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let max = st.mtimeMs;
	for (const entry of readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
	return max;
}

function staleReason() {
	const missing = outputs.find((f) => !existsSync(f));
	if (missing) return `${path.relative(root, missing)} is missing`;
	const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
	const inputs = [...sourceDirs, ...configFiles].map((p) => path.join(root, p));
	const changed = inputs.find((p) => newest(p) > built);
	return changed ? `${path.relative(root, changed)} changed since the last build` : null;
}

const reason = staleReason();
if (reason) {
	console.log(`building TaskFlow (${reason}) …`);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('build failed; not starting');
		process.exit(result.status ?? 1);
	}
}
await import(pathToFileURL(path.join(root, 'build/server.js')).href);
