import { describe, expect, it } from 'vitest';
import { loggablePath } from './security-headers';

describe('loggablePath', () => {
	it('masks invite tokens in API and page paths', () => {
		expect(loggablePath('/api/invites/abcDEF123_-xyz/accept')).toBe('/api/invites/…/accept');
		expect(loggablePath('/invite/abcDEF123_-xyz')).toBe('/invite/…');
		expect(loggablePath('/api/workspaces/01ab/invites')).toBe('/api/workspaces/01ab/invites');
		expect(loggablePath('/db/tf-ws-01ab/_all_docs')).toBe('/db/tf-ws-01ab/_all_docs');
	});

	it('masks calendar feed tokens but not the feed settings endpoint', () => {
		expect(loggablePath('/api/calendar/abcDEF123_-xyz.ics')).toBe('/api/calendar/…');
		expect(loggablePath('/api/calendar')).toBe('/api/calendar');
	});
});
