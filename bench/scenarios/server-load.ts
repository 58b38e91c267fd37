/**
 * Scenario 8 (and server RSS for 12): N replicas in this Node process — in-memory PouchDB
 * writing through the app's TasksRepo, each live-syncing through the door with a session
 * cookie as a browser would — against the one embedded server. A fixed total write rate
 * is spread over the fleet; every other replica's arrival time is a latency sample. N
 * grows past the point where p95 passes 100 ms (until p95 passes 2 s).
 */
import PouchDB from 'pouchdb-node';
import { newReplica, type Replica } from '../../tests/integration/replicas';
import type { Db } from '../../src/lib/db/pouch';
import { syncLanes } from '../../src/lib/db/sync-engine';
import type { ProjectId } from '../../src/lib/domain/ids';
import { OWNER, type BenchServer } from '../support/server-fixture';
import { summarize, type Summary } from '../support/stats';
import { sampleRow, verdict, type Row } from '../table';
import type { BenchContext } from './context';

const CROSSING_MS = 100;
/**
 * The app's own replication settings (batch size, checkpoints). Only the main lane: a
 * workspace's file lane would add one more long-poll per replica that no task write wakes on
 * CouchDB (the embedded server re-reads its filtered feed on every write instead).
 */
const mainLane = syncLanes(false)[0]!;
/** Past the crossing, larger fleets still show the trend; stop once it is this bad. */
const GIVE_UP_MS = 2000;

function cookieRemote(server: BenchServer, db: string): Db {
	return new PouchDB(server.door(`/${db}`), {
		skip_setup: true,
		fetch: (u: string | Request, opts?: RequestInit) => {
			const headers = new Headers(opts?.headers);
			headers.set('cookie', server.cookie);
			return PouchDB.fetch(u, { ...opts, headers });
		}
	});
}

interface Step {
	n: number;
	latency: Summary;
	missing: number;
	rssMb: number;
}

async function runStep(ctx: BenchContext, db: string, n: number, step: number): Promise<Step> {
	const { server, opts } = ctx;
	const project = ctx.ws.projects[0]!._id as ProjectId;
	const replicas: Replica[] = Array.from({ length: n }, (_, i) =>
		newReplica(OWNER.name, `load${step}r${i}`)
	);
	const sent = new Map<string, { at: number; by: number }>();
	const arrivals: { id: string; by: number; at: number }[] = [];
	const handles = replicas.map((r, i) => {
		const feed = r.db
			.changes({ since: 'now', live: true, return_docs: false })
			.on('change', (c) => {
				if (c.id.startsWith('task:')) arrivals.push({ id: c.id, by: i, at: Date.now() });
			});
		const sync = r.db.sync(cookieRemote(server, db), { ...mainLane, live: true, retry: true });
		const caughtUp = new Promise<void>((resolve) => {
			void sync.on('paused', () => resolve());
		});
		return { feed, sync, caughtUp };
	});
	await Promise.all(handles.map((h) => h.caughtUp));
	let rssMb = server.rssMb();
	const sampler = setInterval(() => (rssMb = Math.max(rssMb, server.rssMb())), 500);
	const total = Math.round((opts.loadWritesPerSecond * opts.loadMs) / 1000);
	const started = performance.now();
	const writes: Promise<void>[] = [];
	for (let i = 0; i < total; i++) {
		const wait = started + (i * 1000) / opts.loadWritesPerSecond - performance.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		const by = i % n;
		const at = Date.now();
		writes.push(
			replicas[by]!.tasks.create({ project, title: `Load ${step}.${i}`, rank: 'a0' }).then((t) => {
				sent.set(t._id, { at, by });
			})
		);
	}
	await Promise.all(writes);
	await new Promise((r) => setTimeout(r, opts.loadDrainMs));
	clearInterval(sampler);
	for (const h of handles) {
		h.sync.cancel();
		h.feed.cancel();
	}
	await Promise.all(replicas.map((r) => r.db.destroy()));
	const latencies = arrivals.flatMap((a) => {
		const s = sent.get(a.id);
		return s && s.by !== a.by ? [a.at - s.at] : [];
	});
	return {
		n,
		latency: summarize(latencies),
		missing: sent.size * (n - 1) - latencies.length,
		rssMb
	};
}

export async function serverLoad(ctx: BenchContext): Promise<Row[]> {
	const ws = await ctx.server.createWorkspace('Load');
	const steps: Step[] = [];
	for (const [k, n] of ctx.opts.loadSteps.entries()) {
		ctx.log(`8 server load: N=${n}`);
		const step = await runStep(ctx, ws.db, n, k);
		steps.push(step);
		if (step.latency.p95 > GIVE_UP_MS) break;
	}
	const crossed = steps.find((s) => s.latency.p95 > CROSSING_MS);
	const last = steps[steps.length - 1]!;
	const rss = Math.max(...steps.map((s) => s.rssMb));
	const rows: Row[] = steps.map((s) =>
		sampleRow(
			{
				scenario: '8 server load',
				figure: `N=${s.n} live replicas, write → other replica`,
				unit: 'ms',
				note: `${ctx.opts.loadWritesPerSecond} writes/s total${s.missing ? `; ${s.missing} deliveries missing` : ''}`
			},
			s.latency
		)
	);
	rows.push({
		scenario: '8 server load',
		figure: 'N where p95 passes 100 ms',
		unit: '',
		median: crossed?.n,
		p95: crossed?.n,
		target: 'N ≥ 200',
		verdict: crossed ? verdict(crossed.n >= 200) : 'n/a',
		note: crossed
			? 'replicas run in one Node process on the same 2 cores'
			: `not reached up to N=${last.n} (tested range)`
	});
	rows.push({
		scenario: '12 memory',
		figure: 'server RSS under scenario 8 (max)',
		unit: 'MB',
		median: rss,
		p95: rss,
		target: 'report',
		verdict: 'n/a',
		note: `at up to N=${last.n}`
	});
	return rows;
}
