// static/models/index.json: the models installed in the served folder, for the Settings select
// and for tests. Written by `npm run models:build` and `npm run models:fetch`.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file under `dir`, as paths relative to it with forward slashes, sorted.
 * @param {string} dir
 * @param {string} [prefix]
 * @returns {string[]}
 */
export function listFiles(dir, prefix = '') {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) =>
			entry.isDirectory()
				? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
				: [`${prefix}${entry.name}`]
		)
		.sort();
}

/**
 * Scans `root` (static/models) for `<owner>/<name>/config.json` folders holding an ONNX file and
 * writes `index.json` listing them. The built-in encoder comes first.
 * @param {string} root
 * @param {string} builtIn id of the built-in model
 * @returns {{ id: string, files: string[], bytes: number }[]}
 */
export function writeManifest(root, builtIn) {
	const models = [];
	for (const owner of existsSync(root) ? readdirSync(root) : []) {
		const ownerDir = path.join(root, owner);
		if (!statSync(ownerDir).isDirectory()) continue;
		for (const name of readdirSync(ownerDir)) {
			const dir = path.join(ownerDir, name);
			if (!existsSync(path.join(dir, 'config.json'))) continue;
			const files = listFiles(dir);
			if (!files.some((f) => f.endsWith('.onnx'))) continue;
			const bytes = files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
			models.push({ id: `${owner}/${name}`, files, bytes });
		}
	}
	models.sort(
		(a, b) => Number(b.id === builtIn) - Number(a.id === builtIn) || a.id.localeCompare(b.id)
	);
	writeFileSync(path.join(root, 'index.json'), JSON.stringify({ models }, null, '\t') + '\n');
	return models;
}
