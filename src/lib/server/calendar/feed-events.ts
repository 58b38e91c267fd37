/**
 * The events of a user's calendar feed, read as server admin: tasks assigned to them with a
 * due date, in every workspace their `_users` roles give them today (leaving a workspace
 * drops its tasks from the feed on the next poll). Open tasks come from the `open_due` view;
 * tasks finished in the last weeks from a Mango query, so the calendar shows them as done
 * instead of silently dropping them.
 */
import type { ServerScope } from 'nano';
import { REGISTRY_DB, statusOf, type WorkspaceEntry } from '../../../../couchdb/provision';
import { ulidOf, workspaceDbName } from '../../domain/ids';
import { getUser, ROLE_PATTERN } from '../user-roles';
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

/** Workspace ids the roles grant, any role. */
export function workspacesOf(roles: readonly string[]): string[] {
	return [...new Set(roles.flatMap((r) => ROLE_PATTERN.exec(r)?.[1] ?? []))];
}

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

async function workspaceName(couch: ServerScope, ws: string): Promise<string | null> {
	try {
		return (await couch.use<WorkspaceEntry>(REGISTRY_DB).get(`workspace:${ws}`)).name;
	} catch (err) {
		if (statusOf(err) === 404) return null;
		throw err;
	}
}

/** Every event of `user`'s feed; `origin` makes the task links absolute. */
export async function feedEvents(
	couch: ServerScope,
	user: string,
	origin: string
): Promise<CalendarEvent[]> {
	const account = await getUser(couch, user);
	if (!account) return [];
	const perWorkspace = await Promise.all(
		workspacesOf(account.roles).map(async (ws) => {
			const wsName = await workspaceName(couch, ws);
			// A role for a workspace the registry no longer knows: nothing to read.
			if (wsName === null) return [];
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
