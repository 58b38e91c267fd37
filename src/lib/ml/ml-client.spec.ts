import { describe, expect, it } from 'vitest';
import { MlClient } from './ml-client';
import type { MlRequest, MlResponse } from './ml-protocol';

/** Stands in for a Worker: records what it was sent, answers when the test says so. */
class FakeWorker {
	sent: MlRequest[] = [];
	terminated = false;
	onmessage: ((event: MessageEvent<MlResponse>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;

	postMessage(message: MlRequest): void {
		this.sent.push(message);
	}
	terminate(): void {
		this.terminated = true;
	}
	reply(message: MlResponse): void {
		this.onmessage?.({ data: message } as MessageEvent<MlResponse>);
	}
	fail(message: string): void {
		this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
	}
}

const REF = { modelId: 'taskflow/glove-100d', modelsUrl: '/models/' };

function setup() {
	const workers: FakeWorker[] = [];
	const client = new MlClient(() => {
		const w = new FakeWorker();
		workers.push(w);
		return w as unknown as Worker;
	});
	return { client, workers };
}

describe('MlClient', () => {
	it('starts the worker on the first request, not before', () => {
		const { client, workers } = setup();
		expect(workers).toHaveLength(0);
		void client.load(REF);
		void client.load(REF);
		expect(workers).toHaveLength(1);
		expect(workers[0]!.sent.map((m) => m.id)).toEqual([1, 2]);
	});

	it('matches each answer to its request by id, in whatever order they come', async () => {
		const { client, workers } = setup();
		const first = client.request('search', { ...REF, key: 'k', query: 'fix login' });
		const second = client.load(REF);
		const [w] = workers;
		const [a, b] = w!.sent;
		expect(a).toMatchObject({ type: 'search', payload: { key: 'k', query: 'fix login' } });
		w!.reply({ type: 'result', id: b!.id, payload: { modelId: REF.modelId, loadMs: 12 } });
		w!.reply({ type: 'result', id: a!.id, payload: [] });
		// An answer to nothing pending (e.g. after a restart) is ignored.
		w!.reply({ type: 'result', id: 99, payload: [] });
		expect(await second).toEqual({ modelId: REF.modelId, loadMs: 12 });
		expect(await first).toEqual([]);
	});

	it('rejects only the request the worker reports an error for', async () => {
		const { client, workers } = setup();
		const bad = client.request('duplicates', {
			...REF,
			key: 'k',
			draft: { title: 'x', description: '', tags: [], project: 'p' }
		});
		const good = client.load(REF);
		const [w] = workers;
		w!.reply({ type: 'error', id: 1, payload: { message: 'ML index not loaded' } });
		w!.reply({ type: 'result', id: 2, payload: { modelId: REF.modelId, loadMs: 0 } });
		await expect(bad).rejects.toThrow('ML index not loaded');
		await expect(good).resolves.toMatchObject({ loadMs: 0 });
	});

	it('passes progress to listeners without settling the request', async () => {
		const { client, workers } = setup();
		const seen: number[] = [];
		const stop = client.onProgress((p) => seen.push(p.loaded));
		const load = client.load(REF);
		const w = workers[0]!;
		w.reply({ type: 'progress', id: 1, payload: { modelId: REF.modelId, loaded: 5, total: 10 } });
		stop();
		w.reply({ type: 'progress', id: 1, payload: { modelId: REF.modelId, loaded: 10, total: 10 } });
		expect(seen).toEqual([5]);
		w.reply({ type: 'result', id: 1, payload: { modelId: REF.modelId, loadMs: 3 } });
		await expect(load).resolves.toMatchObject({ loadMs: 3 });
	});

	it('fails every pending request when the worker dies, and starts a new one after', async () => {
		const { client, workers } = setup();
		const a = client.load(REF);
		const b = client.embedTimed(REF, ['x']);
		workers[0]!.fail('script error');
		await expect(a).rejects.toThrow('ML worker failed: script error');
		await expect(b).rejects.toThrow('ML worker failed: script error');
		expect(workers[0]!.terminated).toBe(true);
		void client.load(REF);
		expect(workers).toHaveLength(2);
	});

	it('terminate rejects what is pending with the given reason', async () => {
		const { client } = setup();
		const a = client.load(REF);
		client.terminate(new Error('model switched'));
		await expect(a).rejects.toThrow('model switched');
	});
});
