import { describe, expect, it } from 'vitest';
import { noteServerDate, serverNow } from './server-time';

describe('server time', () => {
	it('corrects a device clock that is far off, and ignores noise', () => {
		const now = Date.now();
		noteServerDate(new Date(now - 365 * 86_400_000).toUTCString(), now);
		expect(Math.abs(serverNow() - (now - 365 * 86_400_000))).toBeLessThan(5_000);
		noteServerDate(new Date(now + 1_000).toUTCString(), now);
		expect(Math.abs(serverNow() - Date.now())).toBeLessThan(50);
		noteServerDate('not a date', now);
		expect(Math.abs(serverNow() - Date.now())).toBeLessThan(50);
	});
});
