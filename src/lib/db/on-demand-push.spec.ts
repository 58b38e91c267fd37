import { afterEach, describe, expect, it } from 'vitest';
import { memoryDbs } from '../../../tests/support/memory-pouch';
import { OnDemandPush, type OnDemandPushEvents } from './on-demand-push';

const dbs = memoryDbs('push-spec');
const freshDb = () => dbs.fresh();
const pushes: OnDemandPush[] = [];
afterEach(async () => {
	for (const p of pushes.splice(0)) p.stop();
	await dbs.destroyAll();
});

function recorder() {
	const log = { pushed: [] as string[], idle: 0, errors: 0 };
	const events: OnDemandPushEvents = {
		onActive: () => {},
		onIdle: () => log.idle++,
		onDocs: (docs) => log.pushed.push(...docs.map((d) => d._id)),
		onDenied: () => {},
		onError: () => log.errors++
	};
	return { log, events };
}

const isFile = (d: { _id: string }) => d._id.startsWith('attachment:');
const opts = { filter: isFile, batch_size: 2, batches_limit: 1, backoff: () => 20 };

async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('OnDemandPush', () => {
	it('pushes matching documents at start and whenever one is written, nothing else', async () => {
		const local = freshDb();
		const remote = freshDb();
		await local.bulkDocs([{ _id: 'attachment:t:1' }, { _id: 'task:1' }]);
		const { log, events } = recorder();
		const push = new OnDemandPush(local, remote, opts, events);
		pushes.push(push);
		push.start();
		await until(() => log.pushed.length === 1);
		await local.put({ _id: 'task:2' });
		await local.put({ _id: 'attachment:t:2' });
		await until(() => log.pushed.length === 2);
		const ids = (await remote.allDocs()).rows.map((r) => r.id);
		expect(ids).toEqual(['attachment:t:1', 'attachment:t:2']);
		expect(log.pushed.sort()).toEqual(['attachment:t:1', 'attachment:t:2']);
		expect(log.errors).toBe(0);
	});

	it('retries after a failure and keeps the document until it is on the server', async () => {
		const local = freshDb();
		const remote = freshDb();
		const realBulk = remote.bulkDocs.bind(remote);
		let failures = 2;
		remote.bulkDocs = ((...args: Parameters<typeof realBulk>) =>
			failures-- > 0
				? Promise.reject(Object.assign(new Error('offline'), { status: 503 }))
				: realBulk(...args)) as typeof remote.bulkDocs;
		const { log, events } = recorder();
		const push = new OnDemandPush(local, remote, opts, events);
		pushes.push(push);
		push.start();
		await local.put({ _id: 'attachment:t:9' });
		await until(() => log.pushed.includes('attachment:t:9'));
		expect(log.errors).toBeGreaterThanOrEqual(1);
		expect((await remote.get('attachment:t:9'))._id).toBe('attachment:t:9');
	});
});
