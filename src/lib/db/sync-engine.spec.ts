import { describe, expect, it } from 'vitest';
import { FILE_PUSH, nextBackoff, syncLanes } from './sync-engine';

describe('syncLanes', () => {
	it('keeps checkpoints on both sides in both directions', () => {
		for (const separate of [false, true]) {
			for (const lane of syncLanes(separate)) {
				// A server restored from a backup lacks the checkpoints, so devices push their
				// edits again and pull the restored documents again: no lane may opt out.
				expect(lane.pull ?? {}).not.toHaveProperty('checkpoint');
				expect(lane.checkpoint).toBeUndefined();
				expect(lane.push ?? {}).not.toHaveProperty('checkpoint');
			}
		}
	});

	it('moves files two at a time in their own lane, everything else in large batches', () => {
		const [main, files] = syncLanes(true);
		expect(main!.pull).toMatchObject({ filter: 'taskflow/docs' });
		expect(files!.pull).toMatchObject({ filter: 'taskflow/attachments' });
		expect(files).toMatchObject({ batch_size: 2, batches_limit: 1 });
		// The file lane pushes on demand, not live (see on-demand-push.ts).
		expect(files!.push).toBeUndefined();
		expect(FILE_PUSH).toMatchObject({ batch_size: 2, batches_limit: 1 });
		expect(FILE_PUSH.filter({ _id: 'attachment:t:1' })).toBe(true);
		expect(FILE_PUSH.filter({ _id: 'task:1' })).toBe(false);
		expect(main!.batch_size).toBeGreaterThanOrEqual(200);
		expect(syncLanes(false)).toHaveLength(1);
	});
});

describe('nextBackoff', () => {
	it('doubles from one second up to ten, with jitter', () => {
		const mid = () => 0.5;
		expect(nextBackoff(0, mid)).toBe(1000);
		expect(nextBackoff(1000, mid)).toBe(2000);
		expect(nextBackoff(8000, mid)).toBe(10_000);
		expect(nextBackoff(10_000, () => 0)).toBe(8000);
	});
});
