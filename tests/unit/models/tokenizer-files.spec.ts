import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import { tokenizerConfig, tokenizerJson } from '../../../scripts/models/tokenizer-files.js';

describe('tokenizerJson', () => {
	it('lowercases, splits punctuation and maps unknown words to [UNK] without special tokens', () => {
		const tokenizer = new Tokenizer(
			tokenizerJson(['fix', 'the', 'login', '-', 'page']),
			tokenizerConfig()
		);
		expect(tokenizer.encode('Fix the LOGIN-page zzzq').ids).toEqual([2, 3, 4, 5, 6, 1]);
	});
});
