/**
 * Imports written to the real server through the import repository: the server's
 * validate_doc_update accepts every planned task and comment, and running the same import
 * again finds everything already there and writes nothing.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportRepo } from '../../src/lib/db/import.repo';
import { ProjectsRepo } from '../../src/lib/db/projects.repo';
import type { Db } from '../../src/lib/db/pouch';
import { Writer } from '../../src/lib/db/writer';
import type { ProjectId } from '../../src/lib/domain/ids';
import { idRange } from '../../src/lib/domain/ids';
import { parseCsvTable } from '../../src/lib/domain/import/csv-table';
import { finalisePlan } from '../../src/lib/domain/import/import-plan';
import type { RawPlan } from '../../src/lib/domain/import/import-types';
import { planTodoist } from '../../src/lib/domain/import/todoist-import';
import { planTrello, type TrelloBoard } from '../../src/lib/domain/import/trello-import';
import { door, ownerWithWorkspace } from './helpers';
import { remoteDb } from './replicas';

const fixture = (name: string) =>
	readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');

describe('importing into a workspace database', () => {
	let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
	let db: Db;
	let writer: Writer;
	let project: ProjectId;

	beforeAll(async () => {
		owner = await ownerWithWorkspace('imp');
		db = remoteDb(door(`/${owner.ws.db}`), owner.name, owner.password);
		writer = new Writer(owner.name, 'imptest');
		project = (await new ProjectsRepo(db, writer).create({ name: 'Imported' }))._id as ProjectId;
	});

	async function run(raw: RawPlan, statusMap: Record<string, 'todo' | 'in_progress' | 'done'>) {
		const ctx = writer.context();
		const batch = finalisePlan(raw, {
			workspace: owner.ws.id,
			project,
			members: new Set([owner.name]),
			statusMap,
			ctx,
			rankAfter: null
		});
		const progress: number[] = [];
		const outcome = await new ImportRepo(db, writer).write(batch.tasks, ctx, (done) =>
			progress.push(done)
		);
		return { batch, outcome, progress };
	}

	const countTasks = async () => (await db.allDocs(idRange('task:'))).rows.length;

	it('writes a Todoist export with subtasks and comments, and not twice', async () => {
		const raw = planTodoist(parseCsvTable(fixture('todoist-export.csv')));
		const statusMap = { Doing: 'in_progress', Done: 'done' } as const;
		const first = await run(raw, statusMap);
		expect(first.outcome.failed).toEqual([]);
		expect(first.outcome.created).toHaveLength(5);
		expect(first.outcome.comments).toBe(1);
		expect(first.progress).toEqual([5]);

		const vans = first.outcome.created.find((t) => t.task.title === 'Book the vans')!;
		const stored = await db.get<{ parent: string; status: string }>(vans.task._id);
		expect(stored.parent).toBe(
			first.outcome.created.find((t) => t.task.title === 'Plan the spring field season')!.task._id
		);
		const activity = await db.allDocs({ ...idRange('activity:'), include_docs: true });
		const about = (id: string) =>
			activity.rows.filter((r) => (r.doc as { doc?: string } | undefined)?.doc === id);
		expect(about(vans.task._id)).toHaveLength(1);
		expect(about(vans.comments[0]!._id)).toHaveLength(1);

		const second = await run(raw, statusMap);
		expect(second.outcome.created).toEqual([]);
		expect(second.outcome.comments).toBe(0);
		expect(second.outcome.alreadyThere).toHaveLength(5);
		expect(await countTasks()).toBe(5);
	});

	it('writes a Trello board next to it, then finds it all already imported', async () => {
		const raw = planTrello(JSON.parse(fixture('trello-board.json')) as TrelloBoard);
		const statusMap = { Backlog: 'todo', Doing: 'in_progress', Done: 'done' } as const;
		const first = await run(raw, statusMap);
		expect(first.outcome.failed).toEqual([]);
		expect(first.outcome.created).toHaveLength(5);
		expect(first.outcome.comments).toBe(2);
		const second = await run(raw, statusMap);
		expect(second.outcome.created).toEqual([]);
		expect(second.outcome.alreadyThere).toHaveLength(5);
		expect(await countTasks()).toBe(10);
	});
});
