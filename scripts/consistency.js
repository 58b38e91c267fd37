#!/usr/bin/env node
/**
 * `npm run consistency -- --devices 10 --minutes 30 [--seed N]`: the consistency harness
 * (tests/e2e/consistency.e2e.ts) at the size asked for, against a fresh build. Without
 * options it runs the quick version that `npm test` runs.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
	options: {
		devices: { type: 'string' },
		minutes: { type: 'string' },
		ops: { type: 'string' },
		seed: { type: 'string' }
	}
});
const env = { ...process.env };
/** @type {[keyof typeof values, string][]} */
const OPTIONS = [
	['devices', 'CONSISTENCY_DEVICES'],
	['minutes', 'CONSISTENCY_MINUTES'],
	['ops', 'CONSISTENCY_OPS'],
	['seed', 'CONSISTENCY_SEED']
];
for (const [key, name] of OPTIONS) {
	const v = values[key];
	if (v === undefined) continue;
	if (!/^\d+$/.test(v)) {
		console.error(`--${key} takes a whole number, not ${v}`);
		process.exit(2);
	}
	env[name] = v;
}
/** @param {string} cmd @param {string[]} args */
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;
const built = run('npm', ['run', 'build']);
if (built !== 0) process.exit(built);
process.exit(run('npx', ['vitest', 'run', '--project', 'e2e', 'tests/e2e/consistency.e2e.ts']));
