// `node scripts/run-ts.js <entry.ts> [args…]`: runs a TypeScript script's exported
// `main(argv)` (see run-ts-lib.js) and exits with the code it resolves to.
import { runTypeScript } from './run-ts-lib.js';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
	console.error('usage: node scripts/run-ts.js <entry.ts> [args…]');
	process.exit(2);
}
process.exitCode = await runTypeScript(entry, args);
