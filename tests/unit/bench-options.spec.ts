import { describe, expect, it } from 'vitest';
import { parseOnly, parseOptions, parseProfileDir } from '../../bench/options';

describe('bench --only', () => {
	it('is null without the flag', () => {
		expect(parseOnly(['--quick'])).toBeNull();
	});
	it('reads both spellings', () => {
		expect([...parseOnly(['--only', '3,7'])!]).toEqual([3, 7]);
		expect([...parseOnly(['--quick', '--only=10'])!]).toEqual([10]);
		expect(parseOptions(['--quick', '--only', '1']).only).toEqual(new Set([1]));
	});
	it('refuses what is not a scenario number', () => {
		expect(() => parseOnly(['--only'])).toThrow(/scenario numbers/);
		expect(() => parseOnly(['--only', '3,x'])).toThrow(/got "3,x"/);
		expect(() => parseOnly(['--only=13'])).toThrow(/1–12/);
	});
});

describe('bench --profile', () => {
	it('reads both spellings, and null without it', () => {
		expect(parseProfileDir(['--quick'])).toBeNull();
		expect(parseProfileDir(['--profile', '/tmp/p'])).toBe('/tmp/p');
		expect(parseOptions(['--profile=out', '--quick']).profileDir).toBe('out');
	});
	it('refuses a missing folder', () => {
		expect(() => parseProfileDir(['--profile'])).toThrow(/takes a folder/);
		expect(() => parseProfileDir(['--profile', '--quick'])).toThrow(/takes a folder/);
	});
});
