/**
 * Turn an importer's drafts into the task and comment documents to write, validated with
 * the same schemas the app and the server use. Ids are derived from the workspace, the
 * source kind and each draft's source key (`deterministicUlid`), so importing the same
 * file again produces the same ids and the writer can tell what is already there.
 */
import { deterministicUlid } from '../deterministic-id';
import { ulidOf, type ProjectId, type TaskId } from '../ids';
import { ranksAfter } from '../rank';
import type { Comment } from '../schemas/comment.schema';
import type { Task, TaskStatus } from '../schemas/task.schema';
import { createTask } from '../task-ops';
import { validationErrors } from '../validation';
import type { WriteContext } from '../write-context';
import {
	unknownStatus,
	type ImportWarning,
	type RawPlan,
	type SkippedRow,
	type StatusMap,
	type TaskDraft
} from './import-types';

export interface PlanTarget {
	workspace: string;
	project: ProjectId;
	/** User names of the workspace's members (assignees must be one of them). */
	members: Iterable<string>;
	statusMap: StatusMap;
	ctx: WriteContext;
	/** The last rank already used in the project, so imported tasks go after it. */
	rankAfter: string | null;
}

/** One task to write, with its comments. */
export interface PlannedTask {
	task: Task;
	comments: Comment[];
	where: string;
}

export interface ImportBatch {
	tasks: PlannedTask[];
	skipped: SkippedRow[];
	warnings: ImportWarning[];
}

const FIELD_LABELS: Record<string, string> = {
	title: 'title',
	description: 'description',
	tags: 'tags',
	estimate: 'estimate',
	due: 'due date',
	start: 'start date',
	body: 'comment'
};

/** The deterministic task id of a draft. */
export function importTaskId(workspace: string, raw: RawPlan, draft: TaskDraft): TaskId {
	const key = `${workspace}\u0000${raw.source}\u0000${draft.key}`;
	return `task:${deterministicUlid(draft.createdMillis ?? 0, key)}`;
}

/** Validate every draft against the task schema and build the documents to write. */
export function finalisePlan(raw: RawPlan, target: PlanTarget): ImportBatch {
	const tasks: PlannedTask[] = [];
	const skipped: SkippedRow[] = [...raw.skipped];
	const warnings: ImportWarning[] = [...raw.warnings];
	const ids = new Map<string, TaskId | null>();
	const ranks = ranksAfter(target.rankAfter, raw.drafts.length);
	const members = new Set([...target.members].map((m) => m.toLowerCase()));

	raw.drafts.forEach((draft, i) => {
		const skip = (reason: string) => {
			ids.set(draft.key, null);
			skipped.push({ where: draft.where, title: draft.title, reason });
		};
		const parent = draft.parentKey === null ? null : ids.get(draft.parentKey);
		if (parent === undefined || (draft.parentKey !== null && parent === null)) {
			return skip('its parent task was skipped');
		}
		const status = statusOf(draft, target.statusMap);
		if (typeof status === 'object') return skip(status.reason);
		const assignee = draft.assignees.find((a) => members.has(a.toLowerCase())) ?? null;
		if (!assignee && draft.assignees.length > 0) {
			const names = draft.assignees.map((a) => `“${a}”`).join(', ');
			warnings.push({
				where: draft.where,
				title: draft.title,
				message: `assignee ${names} is not a member of this workspace; left unassigned`
			});
		}
		const id = importTaskId(target.workspace, raw, draft);
		const task = createTask(
			{
				project: target.project,
				title: draft.title,
				description: draft.description,
				status,
				priority: draft.priority,
				assignee: assignee?.toLowerCase() ?? null,
				due: draft.due,
				start: draft.start,
				estimate: draft.estimate,
				tags: draft.tags,
				parent,
				rank: ranks[i]!
			},
			target.ctx,
			id
		);
		const problem = firstProblem(validationErrors(task));
		if (problem) return skip(problem);
		ids.set(draft.key, id);
		tasks.push({ task, comments: commentsOf(draft, task, target, warnings), where: draft.where });
	});
	return { tasks, skipped: inSourceOrder(skipped), warnings: inSourceOrder(warnings) };
}

/** Sorted by the row (or card) number in `where`, so reports read top to bottom. */
function inSourceOrder<T extends { where: string }>(items: T[]): T[] {
	const n = (where: string) => Number(/\d+/.exec(where)?.[0] ?? 0);
	return [...items].sort((a, b) => n(a.where) - n(b.where));
}

function statusOf(draft: TaskDraft, map: StatusMap): TaskStatus | { reason: string } {
	if (draft.status) return draft.status;
	if (draft.statusValue === null) return 'todo';
	const choice = map[draft.statusValue];
	if (!choice) return { reason: unknownStatus(draft.statusValue) };
	if (choice === 'skip') return { reason: `status “${draft.statusValue}” is set to be skipped` };
	return choice;
}

function commentsOf(
	draft: TaskDraft,
	task: Task,
	target: PlanTarget,
	warnings: ImportWarning[]
): Comment[] {
	const out: Comment[] = [];
	for (const c of draft.comments) {
		const key = `${task._id}\u0000${c.key}`;
		const comment: Comment = {
			_id: `comment:${ulidOf(task._id)}:${deterministicUlid(draft.createdMillis ?? 0, key)}`,
			type: 'comment',
			task: task._id,
			body: c.body.trim(),
			author: target.ctx.user,
			editedAt: null,
			createdBy: target.ctx.user,
			createdAt: target.ctx.now,
			updatedAt: target.ctx.now
		};
		const problem = firstProblem(validationErrors(comment));
		if (problem) {
			warnings.push({ where: draft.where, title: draft.title, message: `a comment: ${problem}` });
		} else out.push(comment);
	}
	return out;
}

function firstProblem(errors: Record<string, string> | null): string | null {
	if (!errors) return null;
	const [field, message] = Object.entries(errors)[0]!;
	const name = FIELD_LABELS[field.split('.')[0]!] ?? field;
	return `${name}: ${message}`;
}
