import { describe, expect, it } from 'vitest';
import { feedPath, feedTokenHash, newFeedToken, tokenOfFile } from './feed-token';

describe('feed tokens', () => {
	it('are long, URL-safe and different every time', () => {
		const a = newFeedToken();
		const b = newFeedToken();
		expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(a).not.toBe(b);
	});
	it('hash to 64 hex characters, and never for text that cannot be a token', () => {
		const t = newFeedToken();
		expect(feedTokenHash(t)).toMatch(/^[0-9a-f]{64}$/);
		expect(feedTokenHash(t)).toBe(feedTokenHash(t));
		expect(feedTokenHash('short')).toBeNull();
		expect(feedTokenHash(`${t.slice(1)}/`)).toBeNull();
	});
	it('are read back from the feed file name only with the .ics suffix', () => {
		const t = newFeedToken();
		expect(tokenOfFile(feedPath(t).split('/').pop()!)).toBe(t);
		expect(tokenOfFile(t)).toBeNull();
		expect(tokenOfFile(`${t}.ics.bak`)).toBeNull();
	});
});
