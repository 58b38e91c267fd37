/**
 * Property: three devices editing random fields of shared tasks, with random partitions
 * and reconnections, always converge through the real server — byte-identical documents,
 * no conflicts left — and every value any device wrote is either the final value or in
 * the activity log. Fixed seed in CI; CONVERGENCE_RUNS / CONVERGENCE_SEED to explore more.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TaskId } from '../../src/lib/domain/ids';
import type { Activity } from '../../src/lib/domain/schemas/activity.schema';
import type { Task } from '../../src/lib/domain/schemas/task.schema';
import type { TaskPatch } from '../../src/lib/domain/task-ops';
import { door, ownerWithWorkspace } from './helpers';
import { newReplica, remoteDb, syncOnce, syncUntilQuiet, type Replica } from './replicas';

const RUNS = Number(process.env.CONVERGENCE_RUNS ?? 50);
const SEED = Number(process.env.CONVERGENCE_SEED ?? 20261121);
const PROJECT = 'project:01JCNVRGNC0000000000000000' as const;

const DESCRIPTIONS = [
	'Check the pump.\nLog the pressure.\nCall the office.',
	'Check the pump and valve.\nLog the pressure.\nCall the office.',
	'Check the pump.\nLog the pressure twice.\nCall the office.',
	'Check the pump.\nLog the pressure.\nEmail the office.'
];
const patchArb: fc.Arbitrary<TaskPatch> = fc.oneof(
	fc.constantFrom('Pump check', 'Valve check', 'Fan check').map((title) => ({ title })),
	fc.constantFrom('low', 'medium', 'high', 'urgent' as const).map((priority) => ({ priority })),
	fc.constantFrom('todo', 'in_progress', 'review', 'done' as const).map((status) => ({ status })),
	fc.constantFrom(...DESCRIPTIONS).map((description) => ({ description })),
	fc.subarray(['north', 'south', 'urgent']).map((tags) => ({ tags })),
	fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }).map((estimate) => ({ estimate })),
	fc.boolean().map((trash) => ({ deletedAt: trash ? '2026-11-21T10:00:00.000Z' : null }))
);
type Op =
	| { kind: 'edit'; r: number; k: number; patch: TaskPatch }
	| { kind: 'sync'; r: number }
	| { kind: 'toggle'; r: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('edit' as const),
			r: fc.nat(2),
			k: fc.nat(1),
			patch: patchArb
		})
	},
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), r: fc.nat(2) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('toggle' as const), r: fc.nat(2) }) }
);

async function docIdsOf(replicas: Replica[], tasks: string[]): Promise<string[]> {
	const ids = new Set(tasks);
	for (const r of replicas) {
		const res = await r.db.allDocs({ startkey: 'activity:', endkey: 'activity:\ufff0' });
		for (const row of res.rows) ids.add(row.id);
	}
	return [...ids];
}

describe('convergence', () => {
	let owner: Awaited<ReturnType<typeof ownerWithWorkspace>>;
	beforeAll(async () => {
		owner = await ownerWithWorkspace('conv');
	});

	it(
		`converges with nothing lost over ${RUNS} randomized runs (seed ${SEED})`,
		async () => {
			const remote = remoteDb(door(`/${owner.ws.db}`), owner.name, owner.password);
			let run = 0;
			await fc.assert(
				fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 24 }), async (ops) => {
					run++;
					const replicas = [0, 1, 2].map((i) =>
						newReplica(owner.name, `r${i}x${run.toString(36)}`)
					);
					const [first] = replicas;
					const tasks: string[] = [];
					for (const title of ['Shared A', 'Shared B']) {
						const t = await first!.tasks.create({
							project: PROJECT,
							title,
							rank: 'a0',
							description: DESCRIPTIONS[0]
						});
						tasks.push(t._id);
					}
					await syncUntilQuiet(replicas, remote, await docIdsOf(replicas, tasks));
					const written: { task: string; field: string; value: unknown }[] = [];
					for (const op of ops) {
						const r = replicas[op.r]!;
						if (op.kind === 'toggle') r.online = !r.online;
						else if (op.kind === 'sync' && r.online) {
							await syncOnce(r, remote, await docIdsOf(replicas, tasks));
						} else if (op.kind === 'edit') {
							const task = tasks[op.k]!;
							await r.tasks.update(task as TaskId, op.patch);
							for (const [field, value] of Object.entries(op.patch)) {
								written.push({ task, field, value });
							}
						}
					}
					for (const r of replicas) r.online = true;
					await syncUntilQuiet(replicas, remote, await docIdsOf(replicas, tasks));

					const views = await Promise.all(
						replicas.map(async (r) => {
							const res = await r.db.allDocs({ keys: tasks, include_docs: true, conflicts: true });
							return res.rows.map((row) => ('doc' in row ? row.doc : null));
						})
					);
					for (const v of views) {
						expect(v).toEqual(views[0]);
						for (const doc of v) {
							expect((doc as { _conflicts?: string[] })._conflicts).toBeUndefined();
						}
					}
					const final = new Map((views[0] as unknown as Task[]).map((t) => [t._id, t]));
					const log = (
						await first!.db.allDocs({
							startkey: 'activity:',
							endkey: 'activity:\ufff0',
							include_docs: true
						})
					).rows.map((row) => ('doc' in row ? row.doc : null)) as unknown as Activity[];
					for (const w of written) {
						const now = (final.get(w.task) as Record<string, unknown>)[w.field];
						const inHistory = log.some(
							(a) =>
								a.task === w.task &&
								a.field === w.field &&
								(JSON.stringify(a.from) === JSON.stringify(w.value) ||
									JSON.stringify(a.to) === JSON.stringify(w.value))
						);
						if (JSON.stringify(now) !== JSON.stringify(w.value) && !inHistory) {
							throw new Error(
								`${w.task}.${w.field} = ${JSON.stringify(w.value)} is neither final nor in history`
							);
						}
					}
					await Promise.all(replicas.map((r) => r.db.destroy()));
				}),
				{ seed: SEED, numRuns: RUNS, endOnFailure: true }
			);
		},
		Math.max(600_000, RUNS * 6_000)
	);
});
