import { afterEach, describe, expect, it } from 'vitest';
import { memoryDbs } from '../../../tests/support/memory-pouch';
import { changeHub, type DocChange } from './change-hub';

const dbs = memoryDbs('hub-spec');
const freshDb = () => dbs.fresh();
afterEach(() => dbs.destroyAll());

/** Resolves when `seen` holds `count` changes (the feed delivers asynchronously). */
async function until(seen: DocChange[], count: number): Promise<void> {
	for (let i = 0; i < 200 && seen.length < count; i++) await new Promise((r) => setTimeout(r, 5));
}

describe('ChangeHub', () => {
	it('is one hub per database', () => {
		const db = freshDb();
		expect(changeHub(db)).toBe(changeHub(db));
		expect(changeHub(db)).not.toBe(changeHub(freshDb()));
	});

	it('hands every write after subscribing to every subscriber, with its document', async () => {
		const db = freshDb();
		await db.put({ _id: 'task:before', title: 'old' });
		const a: DocChange[] = [];
		const b: DocChange[] = [];
		await changeHub(db).subscribe((c) => a.push(c));
		await changeHub(db).subscribe((c) => b.push(c));
		// Written the moment subscribe resolves: must not be lost between read and follow.
		await db.put({ _id: 'task:1', title: 'one' });
		await db.bulkDocs([{ _id: 'task:2' }, { _id: 'comment:3' }]);
		await until(a, 3);
		await until(b, 3);
		expect(a.map((c) => c.id).sort()).toEqual(['comment:3', 'task:1', 'task:2']);
		expect(b.map((c) => c.id).sort()).toEqual(['comment:3', 'task:1', 'task:2']);
		expect(a.find((c) => c.id === 'task:1')?.doc).toMatchObject({ title: 'one' });
	});

	it('stops delivering to a subscriber that left, and keeps the others', async () => {
		const db = freshDb();
		const kept: DocChange[] = [];
		const left: DocChange[] = [];
		await changeHub(db).subscribe((c) => kept.push(c));
		const leave = await changeHub(db).subscribe((c) => left.push(c));
		leave();
		await db.put({ _id: 'task:x' });
		await until(kept, 1);
		expect(kept).toHaveLength(1);
		expect(left).toHaveLength(0);
	});

	it('starts again after everyone left', async () => {
		const db = freshDb();
		const first = await changeHub(db).subscribe(() => {});
		first();
		const seen: DocChange[] = [];
		await changeHub(db).subscribe((c) => seen.push(c));
		await db.put({ _id: 'task:again' });
		await until(seen, 1);
		expect(seen.map((c) => c.id)).toEqual(['task:again']);
	});
});
