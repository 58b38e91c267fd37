import { describe, expect, it } from 'vitest';
import { hubFileUrl, MODEL_FILES, normaliseModelId } from '../../../scripts/models/hub-files.js';

describe('normaliseModelId', () => {
	it('keeps owner/name and maps a bare name to the Xenova conversions', () => {
		expect(normaliseModelId('Xenova/all-MiniLM-L6-v2')).toBe('Xenova/all-MiniLM-L6-v2');
		expect(normaliseModelId('all-MiniLM-L6-v2')).toBe('Xenova/all-MiniLM-L6-v2');
	});
	it('refuses ids that could leave the models folder', () => {
		for (const bad of ['../etc', 'a/b/c', 'a/..', 'a b/c', '']) {
			expect(() => normaliseModelId(bad), bad).toThrow(/not a model id/);
		}
	});
});

describe('hubFileUrl', () => {
	it('points at the resolve endpoint, or a mirror', () => {
		expect(hubFileUrl('Xenova/all-MiniLM-L6-v2', 'onnx/model_quantized.onnx')).toBe(
			'https://huggingface.co/Xenova/all-MiniLM-L6-v2/resolve/main/onnx/model_quantized.onnx'
		);
		expect(hubFileUrl('a/b', 'config.json', { endpoint: 'http://mirror/', revision: 'v1' })).toBe(
			'http://mirror/a/b/resolve/v1/config.json'
		);
	});
	it('fetches the files the app loads with dtype q8', () => {
		expect(MODEL_FILES).toContain('onnx/model_quantized.onnx');
		expect(MODEL_FILES).toContain('tokenizer.json');
	});
});
