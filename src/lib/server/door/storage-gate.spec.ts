import type { ServerScope } from 'nano';
import { describe, expect, it } from 'vitest';
import { onlyDeletes, StorageGate } from './storage-gate';

const couchWith = (file: number) =>
	({ db: { get: () => Promise.resolve({ sizes: { file } }) } }) as unknown as ServerScope;

describe('StorageGate', () => {
	it('refuses writes to a workspace over its limit, with a sentence naming the setting', async () => {
		const mb = 1024 * 1024;
		expect(await new StorageGate(couchWith(9 * mb), 10 * mb).refusal('tf-ws-a')).toBeNull();
		const full = await new StorageGate(couchWith(11 * mb), 10 * mb).refusal('tf-ws-a');
		expect(full).toMatch(/takes 11 MB of the 10 MB .*MAX_WORKSPACE_MB/);
		expect(await new StorageGate(couchWith(11 * mb), 0).refusal('tf-ws-a')).toBeNull();
	});

	it('tells deletions apart', () => {
		expect(onlyDeletes(JSON.stringify({ docs: [{ _id: 'a', _deleted: true }] }))).toBe(true);
		expect(
			onlyDeletes(JSON.stringify({ docs: [{ _id: 'a', _deleted: true }, { _id: 'b' }] }))
		).toBe(false);
		expect(onlyDeletes(JSON.stringify({ docs: [] }))).toBe(false);
	});
});
