/**
 * Who is notified of what, from the activity log: each activity entry (one field change, a
 * creation, a comment) yields at most one notification per kind and recipient, with the id
 * `notification:<kind>:<activity ULID>`, so the same entry seen twice (a replay, a second
 * worker) gives the same documents. Pure: the worker supplies the task, the comment and the
 * task's watch documents.
 */
import { ulidOf } from '../domain/ids';
import type { Activity } from '../domain/schemas/activity.schema';
import type { Notification, NotificationKind } from '../domain/schemas/notification.schema';
import { STATUS_LABELS, type TaskStatus } from '../domain/schemas/task.schema';
import { mentionedNames, mentionExcerpt, newMentions } from './mentions';

/** The parts of a task the rules read. */
export interface TaskFacts {
	_id: string;
	title: string;
	project: string | null;
	description: string;
	status: string;
	assignee: string | null;
	reporter: string;
	createdBy: string;
	due: string | null;
	deletedAt: string | null;
}

/** Explicit watch choices on a task (`watch:` documents): who follows it, who opted out. */
export interface Watchers {
	on: readonly string[];
	off: readonly string[];
}

/** A notification for `user`, before their settings (kind off, quiet hours) are applied. */
export interface Draft {
	user: string;
	doc: Notification;
}

/** Who follows a task: assignee, reporter, creator and watchers, minus those who opted out. */
export function followersOf(task: TaskFacts, watchers: Watchers): Set<string> {
	const out = new Set<string>([task.reporter, task.createdBy, ...watchers.on]);
	if (task.assignee) out.add(task.assignee);
	for (const u of watchers.off) out.delete(u);
	return out;
}

const short = (v: unknown): string | null => {
	if (v === null || v === undefined || v === '') return null;
	const s = typeof v === 'string' ? v : JSON.stringify(v);
	return s.length > 200 ? `${s.slice(0, 199)}…` : s;
};

const statusLabel = (v: unknown) =>
	typeof v === 'string' && v in STATUS_LABELS ? STATUS_LABELS[v as TaskStatus] : short(v);

export interface EventContext {
	workspace: string;
	task: TaskFacts | null;
	/** The comment an activity entry is about, when it is about one. */
	comment: { body: string } | null;
	watchers: Watchers;
	/** Tasks that depend on the activity's task (for "blocker done"). */
	dependents?: readonly TaskFacts[];
	now: string;
}

/** The notifications one activity entry causes. */
export function notificationsForActivity(a: Activity, ctx: EventContext): Draft[] {
	const task = ctx.task;
	if (!a.task || !task || task.deletedAt) return [];
	const drafts: Draft[] = [];
	const add = (
		kind: NotificationKind,
		users: Iterable<string>,
		from: string | null,
		to: string | null
	) => {
		for (const user of users) {
			if (user === a.actor) continue;
			drafts.push({
				user,
				doc: {
					_id: `notification:${kind}:${ulidOf(a._id)}`,
					type: 'notification',
					kind,
					workspace: ctx.workspace,
					task: task._id,
					project: task.project ?? null,
					title: task.title.slice(0, 200),
					actor: a.actor,
					from,
					to,
					at: a.at,
					createdAt: ctx.now,
					readAt: null,
					quiet: false
				}
			});
		}
	};
	/** The blocker is done: whoever does each open dependent hears it can move on. */
	const unblocked = (dependents: readonly TaskFacts[]) => {
		for (const d of dependents) {
			if (d.deletedAt || d.status === 'done') continue;
			const user = d.assignee ?? d.createdBy;
			if (user === a.actor) continue;
			drafts.push({
				user,
				doc: {
					_id: `notification:unblocked:${ulidOf(a._id)}:${ulidOf(d._id)}`,
					type: 'notification',
					kind: 'unblocked',
					workspace: ctx.workspace,
					task: d._id,
					project: d.project ?? null,
					title: d.title.slice(0, 200),
					actor: a.actor,
					from: task.title.slice(0, 200),
					to: null,
					at: a.at,
					createdAt: ctx.now,
					readAt: null,
					quiet: false
				}
			});
		}
	};
	const mentions = (text: string, names: string[]) => {
		for (const n of names) add('mention', [n], null, mentionExcerpt(text, n));
	};

	const onComment = a.doc.startsWith('comment:');
	if (onComment) {
		if (a.action === 'create' && ctx.comment) {
			mentions(ctx.comment.body, mentionedNames(ctx.comment.body));
		} else if (a.action === 'update' && a.field === 'body') {
			const before = typeof a.from === 'string' ? a.from : '';
			const after = typeof a.to === 'string' ? a.to : '';
			mentions(after, newMentions(before, after));
		}
		return drafts;
	}
	if (a.doc !== a.task) return drafts;

	if (a.action === 'create') {
		if (task.assignee) add('assigned', [task.assignee], null, task.assignee);
		mentions(task.description, mentionedNames(task.description));
	} else if (a.action === 'update') {
		const followers = followersOf(task, ctx.watchers);
		if (a.field === 'assignee' && typeof a.to === 'string') {
			add('assigned', [a.to], short(a.from), a.to);
		} else if (a.field === 'status') {
			add('status', followers, statusLabel(a.from), statusLabel(a.to));
			if (a.to === 'done') unblocked(ctx.dependents ?? []);
		} else if (a.field === 'due') {
			add('due', followers, short(a.from), short(a.to));
		} else if (a.field === 'description') {
			const before = typeof a.from === 'string' ? a.from : '';
			const after = typeof a.to === 'string' ? a.to : '';
			mentions(after, newMentions(before, after));
		}
	}
	return drafts;
}
