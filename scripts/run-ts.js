// `node scripts/run-ts.js <entry.ts> [args…]`: bundles a TypeScript script with esbuild
// (packages stay external, resolved from node_modules; Node 20 cannot strip types itself),
// then calls its exported `main(argv)` and exits with the code it resolves to.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
	console.error('usage: node scripts/run-ts.js <entry.ts> [args…]');
	process.exit(2);
}
// Under node_modules so the bundle's bare imports resolve; the pid keeps parallel runs apart.
const name = path.basename(entry, '.ts');
const outfile = path.join(
	root,
	'node_modules/.cache/taskflow-scripts',
	`${name}-${process.pid}.mjs`
);
await build({
	entryPoints: [path.resolve(entry)],
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
	process.exitCode = await main(args);
} finally {
	rmSync(outfile, { force: true });
}
