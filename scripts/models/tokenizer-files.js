// transformers.js-layout metadata for the built-in encoder: a BERT-style WordPiece tokenizer over
// the kept GloVe words (no "##" pieces, so a word outside the vocabulary becomes [UNK] whole) and
// a config that makes transformers.js load the graph as a plain encoder (BertModel).

/** Ids of the special tokens; they come before the words in the vocabulary. */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]'];

/**
 * tokenizer.json for @huggingface/tokenizers: lowercase + BERT punctuation splitting, WordPiece
 * over `words` (ids start after the special tokens), no [CLS]/[SEP] (they would only dilute the
 * mean).
 * @param {string[]} words in id order
 */
export function tokenizerJson(words) {
	/** @type {Record<string, number>} */
	const vocab = {};
	[...SPECIAL_TOKENS, ...words].forEach((w, i) => {
		if (!(w in vocab)) vocab[w] = i;
	});
	return {
		version: '1.0',
		truncation: null,
		padding: null,
		added_tokens: SPECIAL_TOKENS.map((content, id) => ({
			id,
			content,
			single_word: false,
			lstrip: false,
			rstrip: false,
			normalized: false,
			special: true
		})),
		normalizer: {
			type: 'BertNormalizer',
			clean_text: true,
			handle_chinese_chars: true,
			strip_accents: false,
			lowercase: true
		},
		pre_tokenizer: { type: 'BertPreTokenizer' },
		post_processor: null,
		decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
		model: {
			type: 'WordPiece',
			unk_token: '[UNK]',
			continuing_subword_prefix: '##',
			max_input_chars_per_word: 100,
			vocab
		}
	};
}

/** tokenizer_config.json: which tokenizer class to build and its special tokens. */
export function tokenizerConfig() {
	return {
		tokenizer_class: 'BertTokenizer',
		do_lower_case: true,
		model_max_length: 256,
		pad_token: '[PAD]',
		unk_token: '[UNK]',
		clean_up_tokenization_spaces: true
	};
}

/**
 * config.json read by transformers.js (`model_type: 'bert'` selects an encoder-only model).
 * @param {{ vocabSize: number, dimensions: number, source: string }} info
 */
export function modelConfig({ vocabSize, dimensions, source }) {
	return {
		model_type: 'bert',
		architectures: ['BertModel'],
		hidden_size: dimensions,
		vocab_size: vocabSize,
		max_position_embeddings: 256,
		pad_token_id: 0,
		taskflow: {
			description: 'SIF-weighted GloVe word vectors pooled into a sentence embedding',
			source
		}
	};
}
