import { describe, expect, it } from 'vitest';
import { inviteDocId, inviteState, newInviteDoc, newInviteToken } from './invite-token';

const now = new Date('2026-01-01T10:00:00.000Z');

describe('invite tokens', () => {
	it('are 32 URL-safe characters and stored only as a hash', () => {
		const token = newInviteToken();
		expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
		const id = inviteDocId(token)!;
		expect(id).toMatch(/^invite:[0-9a-f]{64}$/);
		expect(id).not.toContain(token);
		expect(newInviteToken()).not.toBe(token);
	});

	it('refuses text that cannot be a token', () => {
		expect(inviteDocId('short')).toBeNull();
		expect(inviteDocId('../../_users/x'.padEnd(32, 'a'))).toBeNull();
	});

	it('expire at the chosen hour and are used once', () => {
		const doc = newInviteDoc({
			token: newInviteToken(),
			workspace: 'ws1',
			role: 'member',
			createdBy: 'ann',
			hours: 48,
			now
		});
		expect(doc.expiresAt).toBe('2026-01-03T10:00:00.000Z');
		expect(inviteState(doc, new Date('2026-01-03T09:59:59.999Z'))).toBe('open');
		expect(inviteState(doc, new Date('2026-01-03T10:00:00.000Z'))).toBe('expired');
		expect(inviteState({ ...doc, acceptedBy: 'bob' }, now)).toBe('used');
	});
});
