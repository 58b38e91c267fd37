// Runs a TypeScript entry point under Node 20, which cannot strip types itself: bundles it
// with esbuild (packages stay external, resolved from node_modules), then calls its exported
// `main(argv)` and returns the exit code it resolves to. Used by `scripts/run-ts.js` and
// `bench/run.js`.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {string} entry path of the `.ts` file
 * @param {string[]} args passed to its `main`
 * @returns {Promise<number>}
 */
export async function runTypeScript(entry, args) {
	// Under node_modules so the bundle's bare imports resolve; the pid keeps parallel runs apart.
	const outfile = path.join(
		root,
		'node_modules/.cache/taskflow-scripts',
		`${path.basename(entry, '.ts')}-${process.pid}.mjs`
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
		return await main(args);
	} finally {
		rmSync(outfile, { force: true });
	}
}
