import { describe, expect, it } from 'vitest';
import { findDuplicates } from './duplicates.head';
import { history, seeded, task, topicVector } from './heads-fixture';
import { TfIdf, tokenize } from './lexical';
import { semanticSearch } from './semantic-search';

describe('findDuplicates', () => {
	const { tasks, vectors } = history(3);
	const open = task('task:open-typo', { title: 'Fix typo on settings' });
	vectors.set(open.id, topicVector('typo', seeded(11), 0.05));
	const all = [...tasks, open];
	const lookup = (id: string) => vectors.get(id);

	it('shows close open tasks and never finished ones', () => {
		const found = findDuplicates(topicVector('typo', seeded(12), 0.05), all, lookup);
		expect(found.map((d) => d.id)).toEqual(['task:open-typo']);
		expect(found[0]!.similarity).toBeGreaterThan(0.9);
	});

	it('stays quiet for unrelated text', () => {
		expect(findDuplicates(topicVector('outage', seeded(13), 0.05), all, lookup)).toEqual([]);
	});

	it('lets many shared words count when the embedding is unsure', () => {
		const model = new TfIdf();
		for (const t of all) model.add(tokenize(t.title));
		const lex = (s: string) => model.vector(tokenize(s));
		const qv = topicVector('outage', seeded(14), 0.05);
		const lexical = {
			query: lex('Fix typo on settings'),
			of: (id: string) => (id === open.id ? lex(open.title) : undefined)
		};
		expect(findDuplicates(qv, all, lookup, { lexical }).map((d) => d.id)).toEqual([open.id]);
	});
});

describe('semanticSearch', () => {
	const model = new TfIdf();
	const titles = {
		a: 'Server outage after deploy',
		b: 'Fix typo on settings page',
		c: 'Production is down'
	};
	for (const t of Object.values(titles)) model.add(tokenize(t));
	const rand = seeded(21);
	const docs = [
		{ id: 'a', lexical: model.vector(tokenize(titles.a)), vector: topicVector('outage', rand) },
		{ id: 'b', lexical: model.vector(tokenize(titles.b)), vector: topicVector('typo', rand) },
		{ id: 'c', lexical: model.vector(tokenize(titles.c)), vector: topicVector('outage', rand) }
	];
	const query = { lexical: model.vector(tokenize('outage')), vector: topicVector('outage', rand) };

	it('ranks an exact word match first and finds same-meaning text without shared words', () => {
		const hits = semanticSearch(query, docs);
		expect(hits.map((h) => h.id)).toEqual(['a', 'c']);
		expect(hits[1]!.lexical).toBe(0);
		expect(hits[1]!.semantic).toBeGreaterThan(0.5);
	});

	it('is purely lexical with meaning 0', () => {
		expect(semanticSearch(query, docs, { meaning: 0 }).map((h) => h.id)).toEqual(['a']);
	});
});
