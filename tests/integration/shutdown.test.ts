/**
 * SIGTERM (a deploy, `docker compose down`) stops the server gracefully: it takes no new
 * connections, finishes the request in flight (here one whose body is still arriving), lets
 * the workers store their checkpoints, and exits 0. What the request wrote is there after
 * the next start. Runs its own server (and, with COUCHDB_URL, against that CouchDB).
 */
import { request } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server';
import { userWithWorkspace } from './own-server';
import { newTask } from './helpers';

/**
 * A PUT whose body is sent in two halves: `finish()` sends the rest slowly (2 KB a second,
 * a phone on a bad link) and resolves with the answer.
 */
function halfSentPut(url: string, headers: Record<string, string>, body: string) {
	const req = request(url, {
		method: 'PUT',
		headers: {
			...headers,
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(body)
		}
	});
	const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
		req.on('response', (res) => {
			let text = '';
			res.on('data', (d: Buffer) => (text += d.toString()));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
		});
		req.on('error', reject);
	});
	const half = Math.floor(body.length / 2);
	req.write(body.slice(0, half));
	return {
		async finish() {
			const rest = Buffer.from(body.slice(half));
			for (let at = 0; at < rest.length; at += 2048) {
				req.write(rest.subarray(at, at + 2048));
				await new Promise((r) => setTimeout(r, 1000));
			}
			req.end();
			return answer;
		}
	};
}

describe('graceful shutdown', () => {
	let server: AppServer | null = null;
	afterAll(() => server?.stop());

	it('finishes the request in flight, refuses new ones and exits 0', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'taskflow-shutdown-'));
		server = await startAppServer({ dataDir });
		const { name, auth, ws } = await userWithWorkspace(server, 'sd', 'Shutdown check');
		const asUser = { authorization: auth };
		// About 20 KB, most of it still to arrive when the server is told to stop.
		const task = { ...newTask(name, 'sent across a SIGTERM'), description: 'x'.repeat(19_000) };
		const docUrl = `${server.baseUrl}/db/${ws.db}/${task._id}`;

		const inFlight = halfSentPut(docUrl, asUser, JSON.stringify(task));
		await new Promise((r) => setTimeout(r, 300));
		const stopped = server.stop({ keepData: true });
		await new Promise((r) => setTimeout(r, 300));

		// No new connections once stopping…
		await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
		// …but the request already in flight is answered, and stored.
		const answer = await inFlight.finish();
		expect(answer.status, answer.body).toBe(201);
		await stopped;
		expect(server.exitCode()).toBe(0);
		const log = server.log();
		expect(log).toContain('"msg":"shutting down"');
		// Every line says when and how serious; no request is logged with a status it never got.
		const lines = log.split('\n').filter((l) => l.startsWith('{"time"'));
		expect(lines.length).toBeGreaterThan(3);
		for (const line of lines) {
			expect(typeof (JSON.parse(line) as { level?: unknown }).level, line).toBe('string');
		}
		expect(log).not.toContain('request not answered');
		expect(log).toContain('workers stopped with checkpoints saved');

		server = await startAppServer({ dataDir });
		const stored = await fetch(`${server.baseUrl}/db/${ws.db}/${task._id}`, { headers: asUser });
		expect(stored.status).toBe(200);
		await expect(stored.json()).resolves.toMatchObject({ title: 'sent across a SIGTERM' });
	});
});
