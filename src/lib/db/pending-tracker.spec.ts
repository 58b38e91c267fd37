import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryDbs } from '../../../tests/support/memory-pouch';
import { PendingTracker } from './pending-tracker';

const dbs = memoryDbs('pending');
afterEach(() => dbs.destroyAll());

describe('PendingTracker', () => {
	it('counts edits, not documents, and not the activity entries that go with them', async () => {
		const db = dbs.fresh();
		let count = 0;
		const tracker = new PendingTracker(db, (n) => (count = n));
		await tracker.start();
		// Edits at a person's pace (the feed may fold writes made within the same moment).
		let rev = (await db.put({ _id: 'task:1', title: 'a' })).rev;
		await vi.waitFor(() => expect(count).toBe(1));
		for (const [i, title] of ['b', 'c'].entries()) {
			rev = (await db.put({ _id: 'task:1', _rev: rev, title })).rev;
			await vi.waitFor(() => expect(count).toBe(i + 2));
		}
		await db.bulkDocs([{ _id: 'activity:1' }, { _id: 'activity:2' }, { _id: 'activity:3' }]);
		await db.put({ _id: 'comment:1', body: 'x' });
		await vi.waitFor(() => expect(count).toBe(4));

		tracker.notePushed([{ _id: 'task:1', _rev: rev }]);
		expect(count).toBe(1);
		// A refused document is not waiting to sync.
		tracker.noteRefused('comment:1');
		// Only activity left: still something to sync, counted as such.
		expect(count).toBe(3);
		expect(tracker.count).toBe(3);
		tracker.stop();
	});
});
