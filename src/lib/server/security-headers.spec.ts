import { describe, expect, it } from 'vitest';
import { loggablePath } from './security-headers';
import { accountOf } from './door/session-login';

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

describe('accountOf', () => {
	it('reads the account from JSON and form sign-ins, lower-cased', () => {
		expect(accountOf('{"name":"Ann","password":"x"}', 'application/json')).toBe('ann');
		expect(accountOf('name=bob&password=x', 'application/x-www-form-urlencoded')).toBe('bob');
	});

	it('gives null for bodies without a usable name', () => {
		expect(accountOf('not json', 'application/json')).toBeNull();
		expect(accountOf('{"name":42}', 'application/json')).toBeNull();
		expect(accountOf('null', 'application/json')).toBeNull();
		expect(accountOf('password=x', 'application/x-www-form-urlencoded')).toBeNull();
	});
});
