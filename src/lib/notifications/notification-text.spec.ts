import { describe, expect, it } from 'vitest';
import type { Notification } from '../domain/schemas/notification.schema';
import { groupByDay, notificationDetail, notificationHeadline } from './notification-text';

const base: Notification = {
	_id: 'notification:assigned:01HZX3K9Q8R7M6N5P4V3W2Y1AB',
	type: 'notification',
	kind: 'assigned',
	workspace: 'ws1',
	task: 'task:01HZX3K9Q8R7M6N5P4V3W2Y1AB',
	project: null,
	title: 'Fix the pump',
	actor: 'ana',
	from: null,
	to: null,
	at: '2026-03-10T10:00:00Z',
	createdAt: '2026-03-10T10:00:01Z',
	readAt: null,
	quiet: false
};

describe('notification text', () => {
	it('says who did what', () => {
		expect(notificationHeadline(base)).toBe('ana assigned you');
		expect(notificationHeadline({ ...base, kind: 'status', from: 'To do', to: 'Done' })).toBe(
			'ana moved it from To do to Done'
		);
		expect(notificationHeadline({ ...base, kind: 'due', to: null })).toBe(
			'ana removed the due date'
		);
		expect(
			notificationHeadline({ ...base, kind: 'due_soon', actor: null, to: '2026-03-10' })
		).toMatch(/^Due (Mar 10|10 Mar)$/);
		expect(
			notificationHeadline({ ...base, kind: 'overdue', actor: null, to: '2026-03-10' })
		).toMatch(/^Overdue since/);
		const mention = { ...base, kind: 'mention' as const, to: '@me look' };
		expect(notificationHeadline(mention)).toBe('ana mentioned you');
		expect(notificationDetail(mention)).toBe('@me look');
		expect(notificationDetail(base)).toBeNull();
	});

	it('groups newest first by day', () => {
		const now = new Date('2026-03-10T12:00:00');
		const at = (d: Date) => ({
			...base,
			_id: `notification:x:${d.getTime()}`,
			at: d.toISOString()
		});
		const groups = groupByDay(
			[
				at(new Date('2026-03-08T09:00:00')),
				at(new Date('2026-03-10T09:00:00')),
				at(new Date('2026-03-09T09:00:00')),
				at(new Date('2026-03-10T11:00:00'))
			],
			now
		);
		expect(groups.map((g) => [g.label.length > 0, g.items.length])).toEqual([
			[true, 2],
			[true, 1],
			[true, 1]
		]);
		expect(groups[0]!.label).toBe('Today');
		expect(groups[1]!.label).toBe('Yesterday');
		expect(groups[0]!.items[0]!.at > groups[0]!.items[1]!.at).toBe(true);
	});
});
