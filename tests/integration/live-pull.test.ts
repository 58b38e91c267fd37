/**
 * A device's live pull is a long-polled, filtered `_changes` request through the door (as
 * PouchDB sends it). It must answer as soon as a matching document is written, not when
 * its heartbeat or timeout comes round: that wait would be every live edit's latency.
 */
import { describe, expect, it } from 'vitest';
import { as, door, newTask, ownerWithWorkspace } from './helpers';

interface ChangesResponse {
	results: { id: string }[];
	last_seq: string | number;
}

describe('live pull through the door', () => {
	it.each([
		['the main lane (filter taskflow/docs)', '&filter=taskflow%2Fdocs'],
		['an unfiltered feed', '']
	])('answers a long poll with a new task at once: %s', { timeout: 20_000 }, async (_, filter) => {
		const owner = await ownerWithWorkspace('livepull');
		const db = door(`/${owner.ws.db}`);
		const info = (await (await as(owner.cookie, db)).json()) as { update_seq: string | number };
		// The poll's own timeout (60 s) is well past the test's: answering only then fails it.
		const query =
			`feed=longpoll&heartbeat=10000&timeout=60000&style=all_docs` +
			`&since=${encodeURIComponent(String(info.update_seq))}${filter}`;
		const poll = as(owner.cookie, `${db}/_changes?${query}`);
		await new Promise((r) => setTimeout(r, 300));
		const task = newTask(owner.name, 'Live task');
		const put = await as(owner.cookie, `${db}/${encodeURIComponent(task._id)}`, {
			method: 'PUT',
			json: task
		});
		expect(put.status).toBe(201);
		const res = await poll;
		expect(res.status).toBe(200);
		const body = (await res.json()) as ChangesResponse;
		expect(body.results.map((r) => r.id)).toContain(task._id);
	});
});
