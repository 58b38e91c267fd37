import { describe, expect, it } from 'vitest';
import { addReports, emptyReport, importBatches, jsonBytes } from './import-batches';

describe('importBatches', () => {
	const docs = Array.from({ length: 7 }, (_, i) => ({ _id: `d${i}`, pad: 'x'.repeat(80) }));

	it('keeps order and caps documents per batch', () => {
		const { batches, tooLarge } = importBatches(docs, 1e6, 3);
		expect(batches.map((b) => b.docs.length)).toEqual([3, 3, 1]);
		expect(batches.map((b) => b.offset)).toEqual([0, 3, 6]);
		expect(batches.flatMap((b) => b.docs)).toEqual(docs);
		expect(tooLarge).toEqual([]);
	});

	it('caps bytes per batch', () => {
		const one = jsonBytes(docs[0]) + 1;
		const { batches } = importBatches(docs, one * 2 + 1, 100);
		expect(batches.map((b) => b.docs.length)).toEqual([2, 2, 2, 1]);
	});

	it('sends a large document alone and sets aside one no request could carry', () => {
		const big = { _id: 'big', pad: 'y'.repeat(500) };
		const huge = { _id: 'huge', pad: 'z'.repeat(5000) };
		const { batches, tooLarge } = importBatches([docs[0]!, big, huge, docs[1]!], 300, 100, 1000);
		expect(batches).toEqual([
			{ offset: 0, docs: [docs[0]] },
			{ offset: 1, docs: [big] },
			{ offset: 3, docs: [docs[1]] }
		]);
		expect(tooLarge.map((t) => [t.doc._id, t.index])).toEqual([['huge', 2]]);
	});

	it('starts a new batch after a document it sets aside, so batches stay consecutive', () => {
		const huge = { _id: 'huge', pad: 'z'.repeat(5000) };
		const { batches } = importBatches([docs[0]!, huge, docs[1]!], 1e6, 100, 1000);
		expect(batches).toEqual([
			{ offset: 0, docs: [docs[0]] },
			{ offset: 2, docs: [docs[1]] }
		]);
	});

	it('returns no batch for no documents', () => {
		expect(importBatches([])).toEqual({ batches: [], tooLarge: [] });
	});
});

describe('addReports', () => {
	it('adds counts and concatenates skips', () => {
		const a = { written: 2, alreadyThere: 1, skipped: [{ id: 'x', reason: 'r' }] };
		const b = { written: 1, alreadyThere: 4, skipped: [{ id: 'y', reason: 's' }] };
		expect(addReports(addReports(emptyReport(), a), b)).toEqual({
			written: 3,
			alreadyThere: 5,
			skipped: [
				{ id: 'x', reason: 'r' },
				{ id: 'y', reason: 's' }
			]
		});
	});
});
