/**
 * The ML worker's workspace engine, run here in Node with the built-in encoder. Search by
 * meaning: a paraphrase of a task finds it, an exact word still ranks first, unrelated tasks
 * stay out. Index persistence: a new engine (a reload) restores the stored index instead of
 * re-embedding, and a later sync embeds only the changed text.
 */
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../../src/lib/domain/schemas/task.schema';
import { task } from '../../src/lib/ml/heads/heads-fixture';
import { loadEncoderNode } from '../../src/lib/ml/load-encoder-node';
import type { SerializedIndex } from '../../src/lib/ml/heads/task-index';
import { WorkspaceEngine, type Embed } from '../../src/lib/ml/worker/workspace-engine';
import { UNKNOWN_INDEX } from '../../src/lib/ml/ml-protocol';
import { PARAPHRASES } from '../support/ml-paraphrases';

async function engineWith(titles: string[]) {
	const encode = await loadEncoderNode();
	const embed: Embed = async (texts) => (await encode(texts)).map((v) => Float32Array.from(v));
	const saved = new Map<string, SerializedIndex>();
	const store = {
		load: (key: string) => Promise.resolve(saved.get(key) ?? null),
		save: (key: string, snapshot: () => SerializedIndex) => void saved.set(key, snapshot())
	};
	const calls: number[] = [];
	const counted: Embed = (texts) => (calls.push(texts.length), embed(texts));
	const engine = new WorkspaceEngine('ws|m', 'taskflow/glove-100d', store);
	const upsert = titles.map((title, i) => task(`task:${i}`, { title, project: 'project:p' }));
	const first = await engine.sync({ full: true, upsert, removed: [] }, counted);
	const again = () => new WorkspaceEngine('ws|m', 'taskflow/glove-100d', store);
	return { engine, embed: counted, calls, first, upsert, again };
}

describe('workspace engine (Node)', () => {
	it('finds each paraphrase by meaning and keeps unrelated tasks out', async () => {
		const { engine, embed } = await engineWith(PARAPHRASES.map(([, b]) => b));
		for (const [i, [query]] of PARAPHRASES.entries()) {
			const hits = await engine.search(query, embed);
			expect(hits[0]?.id, query).toBe(`task:${i}`);
			// Another pair's task only shows up when it shares a word, never by meaning alone.
			for (const h of hits.slice(1)) expect(h.lexical, `${query} → ${h.id}`).toBeGreaterThan(0);
		}
		const paraphrase = await engine.search('pictures on the homepage', embed);
		expect(paraphrase.map((h) => h.id)).toContain('task:3');
	});

	it('ranks an exact word first and filters by project', async () => {
		const { engine, embed } = await engineWith(['Buy toner for the printer', 'Order ink pens']);
		expect((await engine.search('toner', embed))[0]?.id).toBe('task:0');
		expect(await engine.search('toner', embed, 'project:other')).toEqual([]);
		expect(await engine.search('the', embed)).toEqual([]);
	});

	it('restores the stored index on reload and re-embeds only changed text', async () => {
		const { calls, first, upsert, again, embed } = await engineWith(PARAPHRASES.flat());
		expect(first).toMatchObject({ size: 14, embedded: 14, restored: false });
		const reloaded = again();
		await expect(reloaded.sync({ full: false, upsert: [], removed: [] }, embed)).rejects.toThrow(
			UNKNOWN_INDEX
		);
		calls.length = 0;
		const restored = await reloaded.sync({ full: true, upsert, removed: [] }, embed);
		expect(restored).toMatchObject({ size: 14, embedded: 0, restored: true });
		expect(calls).toEqual([]);
		const edited = { ...upsert[0]!, title: 'Fix the sign-up page crash' };
		const delta = await reloaded.sync(
			{ full: false, upsert: [edited], removed: ['task:1'] },
			embed
		);
		expect(delta).toMatchObject({ size: 13, embedded: 1 });
		expect(calls).toEqual([1]);
	});

	it('suggests from the neighbours and flags a draft that repeats an open task', async () => {
		const { engine, embed, upsert } = await engineWith(PARAPHRASES.flat());
		const dupes = await engine.duplicates(
			{ title: 'Repair the leaking kitchen tap', description: '', tags: [], project: 'p' },
			embed
		);
		expect(dupes[0]).toMatchObject({ id: 'task:12', title: 'Repair the leaking kitchen tap' });
		const s = await engine.suggest(upsert[0]!, ['ann'], '2026-03-02', embed);
		expect(PRIORITIES).toContain(s.priority.value);
		expect(s.effort.p50).toBeGreaterThan(0);
	});
});
