// Bundles the Node server and the setup CLI with esbuild. Dependencies stay external
// (node_modules is present at runtime); only our TypeScript is compiled.
import { build } from 'esbuild';

const started = Date.now();
await build({
	entryPoints: {
		server: 'src/lib/server/main.ts',
		setup: 'couchdb/setup-cli.ts',
		workers: 'src/lib/server/workers-main.ts',
		embedded: 'src/lib/server/embedded/embedded-main.ts'
	},
	outdir: 'build',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});
console.log(
	`built build/server.js, embedded.js, setup.js and workers.js in ${Date.now() - started} ms`
);
