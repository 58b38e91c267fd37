import { describe, expect, it } from 'vitest';
import { HlcClock } from './hlc';
import type { Task } from './schemas/task.schema';
import { applyTaskPatch, createTask } from './task-ops';
import { unstoredPart } from './edit-replay';

const T0 = Date.UTC(2026, 11, 1, 9);

function device(replica: string, start = T0) {
	let now = start;
	const clock = new HlcClock(replica, () => now);
	const ctx = () => ({ user: 'u', now: new Date(now).toISOString(), stamp: clock.tick() });
	return { ctx, advance: (ms: number) => (now += ms) };
}

describe('unstoredPart', () => {
	const here = device('here');
	const task: Task = createTask(
		{ project: 'project:01J0000000000000000000000P', title: 'Pump', rank: 'a0' },
		here.ctx(),
		'task:01J0000000000000000000000T'
	);

	it('replays an edit whose write never landed', () => {
		here.advance(10);
		const stamp = here.ctx().stamp;
		expect(unstoredPart(task, { priority: 'high', title: 'Pump 2' }, stamp)).toEqual({
			priority: 'high',
			title: 'Pump 2'
		});
	});

	it('replays nothing of an edit that was stored', () => {
		here.advance(10);
		const stamp = here.ctx().stamp;
		const stored = applyTaskPatch(task, { priority: 'high' }, here.ctx()).task;
		expect(unstoredPart(stored, { priority: 'high' }, stamp)).toBeNull();
	});

	it('leaves a field a later edit changed, and replays the rest', () => {
		here.advance(10);
		const stamp = here.ctx().stamp;
		const elsewhere = device('elsewhere', T0 + 60_000);
		const later = applyTaskPatch(task, { priority: 'low' }, elsewhere.ctx()).task;
		expect(unstoredPart(later, { priority: 'high', due: '2026-12-24' }, stamp)).toEqual({
			due: '2026-12-24'
		});
	});

	it('replays over an older edit from another device', () => {
		const earlier = device('earlier', T0 - 60_000);
		const older = applyTaskPatch(task, { priority: 'low' }, earlier.ctx()).task;
		here.advance(10);
		expect(unstoredPart(older, { priority: 'high' }, here.ctx().stamp)).toEqual({
			priority: 'high'
		});
	});
});
