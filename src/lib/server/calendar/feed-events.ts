/**
 * The events of a user's calendar feed, read as server admin: tasks assigned to them with a
 * due date, in every workspace they belong to today (leaving a workspace
 * drops its tasks from the feed on the next poll). Open tasks come from the `open_due` view;
 * tasks finished in the last weeks from a Mango query, so the calendar shows them as done
 * instead of silently dropping them.
 */
import type { ServerScope } from 'nano';
import { statusOf } from '../../../../couchdb/provision';
import { ulidOf, workspaceDbName } from '../../domain/ids';
import type { MembershipStore } from '../workspace-members';
import type { CalendarEvent } from './ics-render';

/** How far back finished tasks stay in the feed. */
export const DONE_DAYS = 30;
/** Most finished tasks read per workspace. */
const DONE_LIMIT = 500;

interface TaskFacts {
	_id: string;
	type?: string;
	title?: string;
	project?: string;
	assignee?: string | null;
	due?: string | null;
	status?: string;
	deletedAt?: string | null;
	completedAt?: string | null;
	updatedAt?: string;
}

type DatedTask = TaskFacts & { due: string };

const isFeedTask = (doc: TaskFacts | undefined, user: string): doc is DatedTask =>
	!!doc &&
	doc.type === 'task' &&
	doc.assignee === user &&
	!doc.deletedAt &&
	typeof doc.due === 'string' &&
	/^\d{4}-\d{2}-\d{2}$/.test(doc.due);

async function tasksIn(couch: ServerScope, ws: string, user: string): Promise<DatedTask[]> {
	const db = couch.use<TaskFacts>(workspaceDbName(ws));
	const since = new Date(Date.now() - DONE_DAYS * 86_400_000).toISOString();
	const [open, done] = await Promise.all([
		db.view('taskflow', 'open_due', { include_docs: true }),
		db.find({
			selector: { type: 'task', assignee: user, status: 'done', completedAt: { $gte: since } },
			limit: DONE_LIMIT
		})
	]);
	const byId = new Map<string, DatedTask>();
	for (const row of open.rows) {
		const doc = row.doc as TaskFacts | undefined;
		if (isFeedTask(doc, user)) byId.set(doc._id, doc);
	}
	for (const doc of done.docs) if (isFeedTask(doc, user)) byId.set(doc._id, doc);
	return [...byId.values()];
}

async function projectNames(couch: ServerScope, ws: string, ids: string[]) {
	if (!ids.length) return new Map<string, string>();
	const res = await couch
		.use<{ name?: string }>(workspaceDbName(ws))
		.fetch({ keys: ids }, { include_docs: true });
	const names = new Map<string, string>();
	for (const row of res.rows) {
		if ('doc' in row && row.doc && typeof row.doc.name === 'string') {
			names.set(row.key, row.doc.name);
		}
	}
	return names;
}

/** Every event of `user`'s feed; `origin` makes the task links absolute. */
export async function feedEvents(
	couch: ServerScope,
	members: MembershipStore,
	user: string,
	origin: string
): Promise<CalendarEvent[]> {
	const perWorkspace = await Promise.all(
		(await members.workspacesOf(user)).map(async ({ id: ws, name: wsName }) => {
			const tasks = await tasksIn(couch, ws, user).catch((err: unknown) => {
				if (statusOf(err) === 404) return [];
				throw err;
			});
			const projects = await projectNames(couch, ws, [
				...new Set(tasks.flatMap((t) => t.project ?? []))
			]);
			return tasks.map((t): CalendarEvent => {
				const project = t.project ? projects.get(t.project) : undefined;
				return {
					uid: `${ulidOf(t._id)}@${ws}.taskflow`,
					date: t.due,
					title: t.title ?? '(untitled)',
					url: `${origin}/w/${ws}/p/${ulidOf(t.project ?? '')}?task=${ulidOf(t._id)}`,
					where: project ? `${project} · ${wsName}` : wsName,
					done: t.status === 'done',
					updatedAt: t.updatedAt ?? new Date(0).toISOString(),
					completedAt: t.completedAt ?? null
				};
			});
		})
	);
	return perWorkspace.flat();
}
