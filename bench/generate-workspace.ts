/**
 * A deterministic workspace for the benchmarks: projects, ~1 KB tasks (titles, markdown
 * descriptions, tags, assignees, due dates, per-field clocks), comments and time entries,
 * all valid against the app's zod schemas. Built with the app's own `createTask`, so the
 * documents have exactly the shape the UI writes.
 */
import { existsSync } from 'node:fs';
import { formatHlc } from '../src/lib/domain/hlc';
import type { ProjectId } from '../src/lib/domain/ids';
import { addDays } from '../src/lib/domain/local-date';
import { ranksAfter } from '../src/lib/domain/rank';
import type { Comment } from '../src/lib/domain/schemas/comment.schema';
import type { Project } from '../src/lib/domain/schemas/project.schema';
import {
	PRIORITIES,
	TASK_EDITABLE_FIELDS,
	type Task,
	type TaskStatus
} from '../src/lib/domain/schemas/task.schema';
import { createTask } from '../src/lib/domain/task-ops';
import * as words from './support/corpus';
import { Prng, seededUlid } from './support/prng';

/** Present once someone adds time tracking; the generator skips time entries without it. */
export const TIME_ENTRY_SCHEMA = 'src/lib/domain/schemas/time-entry.schema.ts';
/** "Today" for generated due dates and the due-this-week query: a Monday. */
export const REFERENCE_DAY = '2026-03-02';
const REFERENCE_MS = Date.parse(`${REFERENCE_DAY}T09:00:00Z`);
const DAY_MS = 86_400_000;

export interface WorkspaceSize {
	tasks: number;
	comments: number;
	timeEntries: number;
	projects: number;
}

export interface GeneratedWorkspace {
	projects: Project[];
	tasks: Task[];
	comments: Comment[];
	/** Empty when the time-entry schema does not exist. */
	timeEntries: Record<string, unknown>[];
	timeEntriesAvailable: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();
const stamp = (ms: number) => formatHlc({ millis: ms, counter: 0, replica: 'benchseed' });

/** Generate the workspace for `owner` (who creates everything, as the server requires). */
export function generateWorkspace(
	size: WorkspaceSize,
	owner: string,
	seed = 42
): GeneratedWorkspace {
	const rng = new Prng(seed);
	const projects = Array.from({ length: size.projects }, (_, i) => project(rng, owner, i));
	const tasks = generateTasks(rng, owner, size.tasks, projects);
	const comments = Array.from({ length: size.comments }, () =>
		comment(rng, owner, rng.pick(tasks))
	);
	const timeEntriesAvailable = existsSync(TIME_ENTRY_SCHEMA);
	const timeEntries = timeEntriesAvailable
		? Array.from({ length: size.timeEntries }, () => timeEntry(rng, owner, rng.pick(tasks)))
		: [];
	return { projects, tasks, comments, timeEntries, timeEntriesAvailable };
}

function project(rng: Prng, owner: string, i: number): Project {
	const at = REFERENCE_MS - 400 * DAY_MS + i * DAY_MS;
	return {
		_id: `project:${seededUlid(at, rng)}`,
		type: 'project',
		name: words.PROJECT_NAMES[i % words.PROJECT_NAMES.length]! + (i >= 10 ? ` ${i}` : ''),
		description: rng.pick(words.SENTENCES),
		color: rng.pick(['blue', 'green', 'orange', 'purple', 'red', 'teal', 'gray'] as const),
		archived: false,
		clocks: { name: stamp(at), description: stamp(at), color: stamp(at), archived: stamp(at) },
		createdBy: owner,
		createdAt: iso(at),
		updatedAt: iso(at)
	};
}

const STATUS_WEIGHTS = [
	['todo', 35],
	['in_progress', 20],
	['review', 10],
	['done', 35]
] as const satisfies readonly (readonly [TaskStatus, number])[];

function generateTasks(rng: Prng, owner: string, n: number, projects: Project[]): Task[] {
	const drafts = Array.from({ length: n }, (_, i) => ({
		i,
		project: projects[i % projects.length]!._id as ProjectId,
		status: rng.weighted(STATUS_WEIGHTS)
	}));
	// Ranks per board column, in creation order, as appending in the app would give.
	const ranks = new Map<string, string[]>();
	for (const d of drafts) {
		const key = `${d.project} ${d.status}`;
		ranks.set(key, [...(ranks.get(key) ?? []), String(d.i)]);
	}
	const rankOf = new Map<number, string>();
	for (const ids of ranks.values()) {
		ranksAfter(null, ids.length).forEach((r, k) => rankOf.set(Number(ids[k]), r));
	}
	return drafts.map((d) => task(rng, owner, d.i, n, d.project, d.status, rankOf.get(d.i)!));
}

function task(
	rng: Prng,
	owner: string,
	i: number,
	n: number,
	project: ProjectId,
	status: TaskStatus,
	rank: string
): Task {
	const created = REFERENCE_MS - 365 * DAY_MS + Math.floor((i / n) * 360 * DAY_MS);
	const dueIn = rng.int(-30, 60);
	const due = rng.chance(0.65) ? addDays(REFERENCE_DAY, dueIn) : null;
	const qualifier = rng.pick(words.QUALIFIERS);
	const t = createTask(
		{
			project,
			title: `${rng.pick(words.VERBS)} ${rng.pick(words.OBJECTS)} ${qualifier}`.trim(),
			description: description(rng),
			status,
			priority: rng.weighted(PRIORITIES.map((p, k) => [p, [3, 5, 3, 1][k]!] as const)),
			assignee: rng.chance(0.8) ? rng.pick(words.PEOPLE) : null,
			due,
			start: due && rng.chance(0.3) ? addDays(due, -rng.int(1, 10)) : null,
			estimate: rng.chance(0.6) ? rng.pick([0.5, 1, 2, 3, 5, 8, 13]) : null,
			tags: rng.sample(words.TAGS, rng.int(0, 3)),
			rank
		},
		{ user: owner, now: iso(created), stamp: stamp(created) },
		`task:${seededUlid(created, rng)}`
	);
	// Later edits leave fields with different clocks, as real tasks have.
	const edited = created + rng.int(1, 20) * DAY_MS;
	for (const f of TASK_EDITABLE_FIELDS) if (rng.chance(0.3)) t.clocks[f] = stamp(edited);
	if (status === 'done') t.completedAt = iso(edited);
	t.updatedAt = iso(edited);
	return t;
}

function description(rng: Prng): string {
	const para = rng.sample(words.SENTENCES, rng.int(1, 2)).join(' ');
	const items = rng.sample(words.CHECKLIST, rng.int(2, 3));
	const list = items.map((c) => `- [${rng.chance(0.4) ? 'x' : ' '}] ${c}`).join('\n');
	return `${para}\n\n**Steps**\n\n${list}`;
}

function comment(rng: Prng, owner: string, t: Task): Comment {
	const at = Date.parse(t.createdAt) + rng.int(1, 30 * 24) * 3_600_000;
	return {
		_id: `comment:${t._id.slice(5)}:${seededUlid(at, rng)}`,
		type: 'comment',
		task: t._id,
		body: rng.sample(words.COMMENTS, rng.int(1, 2)).join('\n\n'),
		author: owner,
		editedAt: null,
		createdBy: owner,
		createdAt: iso(at),
		updatedAt: iso(at)
	};
}

function timeEntry(rng: Prng, owner: string, t: Task): Record<string, unknown> {
	const start = Date.parse(t.createdAt) + rng.int(1, 60 * 24) * 3_600_000;
	const minutes = rng.int(5, 240);
	return {
		_id: `time:${seededUlid(start, rng)}`,
		type: 'time',
		user: owner,
		task: t._id,
		project: t.project,
		start: iso(start),
		end: iso(start + minutes * 60_000),
		minutes,
		note: rng.pick(words.TIME_NOTES),
		billable: rng.chance(0.5),
		createdBy: owner,
		createdAt: iso(start),
		updatedAt: iso(start + minutes * 60_000)
	};
}

/** Every document of the workspace, in the order they are seeded. */
export function workspaceDocs(ws: GeneratedWorkspace): { _id: string }[] {
	return [...ws.projects, ...ws.tasks, ...ws.comments, ...(ws.timeEntries as { _id: string }[])];
}
