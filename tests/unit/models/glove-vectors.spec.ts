import { describe, expect, it } from 'vitest';
import { createVectorParser } from '../../../scripts/models/glove-vectors.js';

const FILE =
	'{"size":3,"dimensions":2,"words":["the","\\"","x"],"vectors":{"the":[0.5,-1,1.1,0],' +
	'"\\"":[2,3,3.6,1],"x":[2.5e-1,4,4,2]},"unkVector":[0,0]}';

describe('createVectorParser', () => {
	it('reads entries in order whatever the chunk boundaries, unescaping words', () => {
		for (const size of [1, 3, 7, FILE.length]) {
			const parser = createVectorParser(2);
			const entries = [];
			for (let i = 0; i < FILE.length; i += size) {
				entries.push(...parser.push(FILE.slice(i, i + size)));
			}
			expect(entries.map((e) => [e.word, e.rank, Array.from(e.vector)])).toEqual([
				['the', 0, [0.5, -1]],
				['"', 1, [2, 3]],
				['x', 2, [0.25, 4]]
			]);
			expect(parser.finished).toBe(true);
		}
	});
});
