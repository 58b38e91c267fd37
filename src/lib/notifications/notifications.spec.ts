import { describe, expect, it } from 'vitest';
import type { Activity } from '../domain/schemas/activity.schema';
import { notificationSchema } from '../domain/schemas/notification.schema';
import { defaultPrefs } from '../domain/schemas/prefs.schema';
import { dueInstant, dueReminder, dueSoonId, overdueId } from './due-reminders';
import { mentionedNames, mentionExcerpt, newMentions } from './mentions';
import { followersOf, notificationsForActivity, type TaskFacts } from './notification-events';
import { inQuietHours, notificationSettings } from './notification-settings';

const T = '01HZX3K9Q8R7M6N5P4V3W2Y1AB';
const task: TaskFacts = {
	_id: `task:${T}`,
	title: 'Fix the pump',
	project: `project:${T}`,
	description: 'Ask @ben about parts',
	status: 'todo',
	assignee: 'ana',
	reporter: 'rob',
	createdBy: 'rob',
	due: '2026-03-10',
	deletedAt: null
};
let n = 0;
const act = (over: Partial<Activity>): Activity => ({
	_id: `activity:01HZX3K9Q8R7M6N5P4V3W2Y${String(n++).padStart(3, '0')}`.slice(0, 35),
	type: 'activity',
	action: 'update',
	doc: task._id,
	task: task._id,
	project: task.project,
	field: null,
	actor: 'rob',
	at: '2026-03-01T10:00:00Z',
	createdBy: 'rob',
	...over
});
const ctx = (over: object = {}) => ({
	workspace: 'ws1',
	task,
	comment: null,
	watchers: { on: [], off: [] },
	now: '2026-03-01T10:00:01Z',
	...over
});
const who = (drafts: { user: string; doc: { kind: string } }[]) =>
	drafts.map((d) => `${d.doc.kind}:${d.user}`).sort();

describe('mentions', () => {
	it('finds user names after @, not e-mail addresses, without a final full stop', () => {
		expect(mentionedNames('Hi @ana and @ben.k, mail x@ben.com. Thanks @chen.')).toEqual([
			'ana',
			'ben.k',
			'chen'
		]);
		expect(mentionedNames('@ana @ana')).toEqual(['ana']);
		expect(newMentions('cc @ana', 'cc @ana @ben')).toEqual(['ben']);
	});

	it('cuts an excerpt around the mention', () => {
		const long = `${'x '.repeat(100)}please check @ana the valve ${'y '.repeat(100)}`;
		const ex = mentionExcerpt(long, 'ana');
		expect(ex.length).toBeLessThanOrEqual(142);
		expect(ex).toContain('@ana');
		expect(mentionExcerpt('short @ana', 'ana')).toBe('short @ana');
	});
});

describe('notificationsForActivity', () => {
	it('tells a new assignee, not the person who assigned themselves', () => {
		const a = act({ field: 'assignee', from: null, to: 'ben' });
		const drafts = notificationsForActivity(a, ctx());
		expect(who(drafts)).toEqual(['assigned:ben']);
		expect(drafts[0]!.doc._id).toBe(`notification:assigned:${a._id.slice(9)}`);
		expect(notificationSchema.safeParse(drafts[0]!.doc).success).toBe(true);
		expect(notificationsForActivity(act({ field: 'assignee', to: 'rob' }), ctx())).toEqual([]);
	});

	it('tells followers of status and due changes, honouring watch choices', () => {
		const watchers = { on: ['wes'], off: ['ana'] };
		expect(followersOf(task, watchers)).toEqual(new Set(['rob', 'wes']));
		const status = act({ field: 'status', from: 'todo', to: 'done', actor: 'zed' });
		const drafts = notificationsForActivity(status, ctx({ watchers }));
		expect(who(drafts)).toEqual(['status:rob', 'status:wes']);
		expect(drafts[0]!.doc).toMatchObject({ from: 'To do', to: 'Done', actor: 'zed' });
		const due = act({ field: 'due', from: null, to: '2026-03-12', actor: 'ana' });
		expect(who(notificationsForActivity(due, ctx()))).toEqual(['due:rob']);
	});

	it('tells people mentioned in a new comment, an edit (new names only) or a description', () => {
		const comment = act({ action: 'create', doc: `comment:${T}:X`, actor: 'ana' });
		const c = notificationsForActivity(comment, ctx({ comment: { body: '@ben @ana look' } }));
		expect(who(c)).toEqual(['mention:ben']);
		expect(c[0]!.doc.to).toBe('@ben @ana look');
		const edit = act({ doc: `comment:${T}:X`, field: 'body', from: '@ben', to: '@ben @chen' });
		expect(who(notificationsForActivity(edit, ctx()))).toEqual(['mention:chen']);
		const desc = act({ field: 'description', from: 'x', to: 'x @dee' });
		expect(who(notificationsForActivity(desc, ctx()))).toEqual(['mention:dee']);
	});

	it('tells whoever does a dependent task when its blocker is done', () => {
		const dep = {
			...task,
			_id: `task:01HZX3K9Q8R7M6N5P4V3W2Y1AC`,
			title: 'Fit it',
			assignee: 'dee'
		};
		const done = act({ field: 'status', from: 'review', to: 'done', actor: 'ana' });
		const drafts = notificationsForActivity(
			done,
			ctx({ dependents: [dep, { ...dep, _id: 'task:x', status: 'done' }] })
		);
		const unblocked = drafts.filter((d) => d.doc.kind === 'unblocked');
		expect(unblocked.map((d) => d.user)).toEqual(['dee']);
		expect(unblocked[0]!.doc).toMatchObject({
			task: dep._id,
			title: 'Fit it',
			from: 'Fix the pump'
		});
		expect(notificationSchema.safeParse(unblocked[0]!.doc).success).toBe(true);
	});

	it('on creation, tells the assignee and those mentioned in the description', () => {
		const created = act({ action: 'create' });
		expect(who(notificationsForActivity(created, ctx()))).toEqual(['assigned:ana', 'mention:ben']);
	});

	it('says nothing about trashed or unknown tasks, or other documents', () => {
		const a = act({ field: 'status', to: 'done' });
		expect(notificationsForActivity(a, ctx({ task: { ...task, deletedAt: 'x' } }))).toEqual([]);
		expect(notificationsForActivity(a, ctx({ task: null }))).toEqual([]);
		expect(notificationsForActivity(act({ task: null, doc: `project:${T}` }), ctx())).toEqual([]);
	});
});

describe('dueReminder', () => {
	const zone = 'Europe/Berlin';
	const due = dueInstant('2026-03-10', zone); // 2026-03-11T00:00 Berlin = 10 Mar 23:00Z
	const check = (nowMs: number, over: Partial<TaskFacts> = {}) =>
		dueReminder(
			{ ...task, ...over },
			{ workspace: 'ws1', user: 'ana', leadHours: [24, 1], zone, nowMs }
		);
	const H = 3_600_000;

	it('is due at the end of the due day in the recipient’s zone', () => {
		expect(new Date(due).toISOString()).toBe('2026-03-10T23:00:00.000Z');
		expect(new Date(dueInstant('2026-03-29', zone)).toISOString()).toBe(
			'2026-03-29T22:00:00.000Z' // after the spring-forward
		);
	});

	it('fires each lead once its threshold passes, the nearest when several have', () => {
		expect(check(due - 25 * H)).toEqual({ draft: null, nextAt: due - 24 * H });
		const day = check(due - 23 * H);
		expect(day.draft?.doc._id).toBe(dueSoonId(task._id, '2026-03-10', 24));
		expect(day.draft?.doc.at).toBe(new Date(due - 24 * H).toISOString());
		expect(day.nextAt).toBe(due - H);
		const hour = check(due - 30 * 60_000);
		expect(hour.draft?.doc._id).toBe(dueSoonId(task._id, '2026-03-10', 1));
		expect(hour.nextAt).toBe(due);
	});

	it('fires overdue once due, within the window, and nothing for done tasks', () => {
		expect(check(due + H).draft?.doc._id).toBe(overdueId(task._id, '2026-03-10'));
		expect(check(due + 8 * 24 * H).draft).toBeNull();
		expect(check(due - H / 2, { status: 'done' })).toEqual({ draft: null, nextAt: null });
		expect(check(due - H / 2, { due: null })).toEqual({ draft: null, nextAt: null });
	});
});

describe('notification settings', () => {
	it('maps preferences to kinds, with defaults for fields older documents lack', () => {
		const s = notificationSettings(null);
		expect(s.kinds).toEqual({
			assigned: true,
			status: false,
			due: false,
			mention: true,
			due_soon: true,
			overdue: true,
			unblocked: true
		});
		expect(s.leadHours).toEqual([24, 1]);
		const p = defaultPrefs('ana', '2026-01-01T00:00:00Z');
		const custom = notificationSettings({
			...p,
			notifications: { ...p.notifications, statusChanged: true, mentioned: false },
			reminderLeadHours: [2, 48, 2]
		});
		expect(custom.kinds.status && custom.kinds.due && !custom.kinds.mention).toBe(true);
		expect(custom.leadHours).toEqual([48, 2]);
	});

	it('knows quiet hours, also across midnight', () => {
		const at = (iso: string) => Date.parse(iso);
		const night = { from: '22:00', to: '07:00' };
		expect(inQuietHours(at('2026-03-01T21:30:00Z'), 'Europe/Berlin', night)).toBe(true);
		expect(inQuietHours(at('2026-03-01T05:59:00Z'), 'Europe/Berlin', night)).toBe(true);
		expect(inQuietHours(at('2026-03-01T06:00:00Z'), 'Europe/Berlin', night)).toBe(false);
		expect(inQuietHours(at('2026-03-01T12:00:00Z'), 'UTC', { from: '12:00', to: '13:00' })).toBe(
			true
		);
		expect(inQuietHours(at('2026-03-01T12:00:00Z'), 'UTC', null)).toBe(false);
	});
});
