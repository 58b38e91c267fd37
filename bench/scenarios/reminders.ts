/**
 * Scenario 11: the reminders worker. Catch-up: a fresh worker (its own checkpoint) reads
 * the whole seeded workspace's `_changes` and handles every activity entry; changes per
 * second until it has caught up. Lateness: tasks due far in the future (so the app's own
 * worker, on the real clock, stays silent) in a workspace of their own; for each, the
 * worker's clock is set 300 ms before the task's 24-hour threshold and the time from the
 * threshold to the notification document being written is taken, on that clock.
 */
import nano from 'nano';
import { ulid } from 'ulidx';
import { createTask } from '../../src/lib/domain/task-ops';
import { HlcClock } from '../../src/lib/domain/hlc';
import { RemindersWorker } from '../../src/lib/server/workers/reminders-worker';
import { WorkspaceWorkers } from '../../src/lib/server/workers/workspace-workers';
import { serverAccess } from '../../tests/support/app-server';
import { summarize } from '../support/stats';
import { OWNER } from '../support/server-fixture';
import { sampleRow, verdict, type Row } from '../table';
import type { BenchContext } from './context';

const AHEAD_MS = 300;

async function until(ok: () => boolean, failure: string): Promise<void> {
	const t0 = performance.now();
	while (!ok()) {
		if (performance.now() - t0 > 10_000) throw new Error(failure);
		await new Promise((r) => setTimeout(r, 5));
	}
}

export async function reminders(ctx: BenchContext): Promise<Row[]> {
	const { server, opts } = ctx;
	ctx.log('11 reminders');
	const access = await serverAccess(server.app);
	const url = new URL(access.couchUrl);
	url.username = access.admin.user;
	url.password = access.admin.password;
	const couch = nano(url.toString().replace(/\/$/, ''));
	const runner = (worker: RemindersWorker, db: string) =>
		new WorkspaceWorkers({
			couch,
			worker,
			filter: (name) => name === db,
			tickMs: 3_600_000
		});

	// Catch-up over the seeded workspace.
	const catchUp = runner(
		new RemindersWorker({ couch, name: `bench-${Date.now()}` }),
		server.main.db
	);
	const t0 = performance.now();
	await catchUp.start();
	await catchUp.idle(5);
	const seconds = (performance.now() - t0) / 1000;
	const seen = catchUp.status().changesSeen;
	await catchUp.stop();
	const rate = seen / seconds;

	// Lateness after the due threshold.
	const ws = await server.createWorkspace('Reminders bench');
	let offset = 0;
	let fired: ((fakeNow: number) => void) | null = null;
	const worker = new RemindersWorker({
		couch,
		name: 'bench-due',
		now: () => new Date(Date.now() + offset),
		onWritten: (kind) => {
			if (kind === 'due_soon') fired?.(Date.now() + offset);
		}
	});
	const due = runner(worker, ws.db);
	await due.start();
	const late: number[] = [];
	const clock = new HlcClock('bench');
	const samples = opts.quick ? 5 : 20;
	for (let i = 0; i < samples; i++) {
		const day = new Date(Date.UTC(2040, 0, 1 + i));
		const dueDate = day.toISOString().slice(0, 10);
		const task = createTask(
			{
				project: `project:${ulid()}`,
				title: `Reminder ${i}`,
				assignee: OWNER.name,
				due: dueDate,
				rank: 'a0'
			},
			{ user: OWNER.name, now: new Date().toISOString(), stamp: clock.tick() }
		);

		const res = await server.request('PUT', `/db/${ws.db}/${task._id}`, task);
		if (!res.ok) throw new Error(`reminder task: ${res.status} ${await res.text()}`);
		const { rev } = (await res.json()) as { rev: string };
		await until(() => worker.scheduled(ws.db) === 1, 'the worker did not schedule the task');
		// The owner's zone is UTC (no preference): 24 h before the end of the day is its start.
		const threshold = day.getTime();
		const written = new Promise<number>((resolve, reject) => {
			fired = resolve;
			setTimeout(() => reject(new Error('no reminder within 10 s')), 10_000);
		});
		offset = threshold - AHEAD_MS - Date.now();
		await due.tick(); // re-arms the timer on the moved clock
		late.push((await written) - threshold);
		fired = null;
		// Done: out of the schedule, so its 1-hour reminder cannot fire during the next sample.
		const done = { ...task, _rev: rev, status: 'done', completedAt: new Date().toISOString() };
		const put = await server.request('PUT', `/db/${ws.db}/${task._id}`, done);
		if (!put.ok) throw new Error(`closing the reminder task: ${put.status}`);
		await until(() => worker.scheduled(ws.db) === 0, 'the worker did not unschedule the task');
	}
	await due.stop();

	const lateness = summarize(late);
	return [
		{
			scenario: '11 reminders',
			figure: `worker catch-up (${seen} changes)`,
			unit: 'changes/s',
			median: rate,
			target: '≥ 5,000',
			verdict: verdict(rate >= 5000),
			note: 'activity → notifications, membership checked per batch'
		},
		sampleRow(
			{
				scenario: '11 reminders',
				figure: 'due threshold → document written',
				unit: 'ms',
				target: 'p99 ≤ 500 late',
				note: `max ${Math.max(...late).toFixed(0)} ms; timer armed for the next threshold`
			},
			lateness,
			(s) => Math.max(...late) <= 500 && s.n > 0
		)
	];
}
