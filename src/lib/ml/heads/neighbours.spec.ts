import { describe, expect, it } from 'vitest';
import { seeded, task, topicVector, TOPICS, type Topic } from './heads-fixture';
import { nearest, similarity } from './neighbours';

describe('nearest', () => {
	it('keeps the same best k, in the same order, as sorting every candidate', () => {
		const rand = seeded(7);
		const topics = Object.keys(TOPICS) as Topic[];
		const tasks = Array.from({ length: 400 }, (_, i) =>
			task(`task:${String(i).padStart(3, '0')}`, {
				tags: i % 3 ? ['Ops'] : ['ops', 'api'],
				project: i % 2 ? 'project:a' : 'project:b'
			})
		);
		const vectors = new Map(
			tasks.map((t, i) => [t.id, topicVector(topics[i % topics.length]!, rand)])
		);
		// Exact duplicates make ties, which must break by id as the full sort does.
		vectors.set('task:399', vectors.get('task:398')!);
		const q = { id: 'task:000', tags: ['OPS'], project: 'project:a' };
		const qv = vectors.get('task:398')!;
		const all = tasks
			.filter((t) => t.id !== q.id)
			.map((t) => ({ task: t, similarity: similarity(q, qv, t, vectors.get(t.id)!) }))
			.sort((a, b) => b.similarity - a.similarity || a.task.id.localeCompare(b.task.id));
		for (const k of [1, 5, 40, 500]) {
			expect(nearest(q, qv, tasks, (id) => vectors.get(id), k)).toEqual(all.slice(0, k));
		}
		expect(nearest(q, qv, tasks, () => undefined, 5)).toEqual([]);
	});
});
