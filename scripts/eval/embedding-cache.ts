/**
 * On-disk cache of the encoder's embeddings for the evaluation, so a second run skips the
 * encoder entirely. One file per project under node_modules/.cache/taskflow-eval, keyed by a
 * hash of the model file and of every text: a rebuilt model or edited data misses the cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Embed } from './encoder';

/** Folder the cache lives in, under the package root. */
export function cacheDir(root: string): string {
	return path.join(root, 'node_modules/.cache/taskflow-eval');
}

/** Wraps `embed` so a project's texts embed once; `modelKey` identifies the model build. */
export function cachedEmbed(dir: string, project: string, modelKey: string, embed: Embed): Embed {
	return async (texts) => {
		const h = createHash('sha256').update(modelKey);
		for (const t of texts) h.update(t).update('\0');
		const file = path.join(dir, `${project}-${h.digest('hex').slice(0, 16)}.f32`);
		if (existsSync(file)) {
			const buf = readFileSync(file);
			const all = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
			const d = all.length / texts.length;
			if (Number.isInteger(d)) return texts.map((_, i) => all.slice(i * d, (i + 1) * d));
		}
		const out = await embed(texts);
		const d = out[0]?.length ?? 0;
		const all = new Float32Array(out.length * d);
		out.forEach((v, i) => all.set(v, i * d));
		mkdirSync(dir, { recursive: true });
		writeFileSync(file, new Uint8Array(all.buffer));
		return out;
	};
}

/** A short hash of the model file: part of every cache key. */
export function modelKey(modelFile: string): string {
	return createHash('sha256')
		.update(new Uint8Array(readFileSync(modelFile)))
		.digest('hex')
		.slice(0, 16);
}
