import { describe, expect, it } from 'vitest';
import { TfIdf, sparseDot, tokenize } from './lexical';

describe('tokenize', () => {
	it('lowercases, drops stop words, splits camelCase and strips plurals', () => {
		expect(tokenize('Fix the loginButton tests')).toEqual(['fix', 'login', 'button', 'test']);
	});
});

describe('TfIdf', () => {
	const corpus = ['fix login page', 'fix signup page', 'export report csv', 'login timeout'];
	const model = new TfIdf();
	for (const d of corpus) model.add(tokenize(d));
	const vec = (s: string) => model.vector(tokenize(s));

	it('makes unit vectors; identical text has cosine 1', () => {
		expect(sparseDot(vec('fix login page'), vec('fix login page'))).toBeCloseTo(1, 5);
	});
	it('ranks by shared rare words over shared common ones', () => {
		const q = vec('login broken');
		expect(sparseDot(q, vec('login timeout'))).toBeGreaterThan(
			sparseDot(q, vec('fix signup page'))
		);
		expect(sparseDot(vec('fix'), vec('export report csv'))).toBe(0);
	});
	it('ignores words the corpus never saw', () => {
		expect(vec('zebra').ids.length).toBe(0);
	});
});
