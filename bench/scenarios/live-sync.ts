/**
 * Scenario 7: two browsers on the real app, both on the board of a small live workspace.
 * Device A writes tasks at a steady rate (from a second tab of A, through the app's own
 * TasksRepo on A's database; A's app tab replicates them as it does for any tab), and
 * device B's board shows them. Latency is `Date.now()` at the write on A → the card
 * inserted on B, or B's column count covering it when it lands below the fold of a long
 * (windowed) column: one machine, one clock. Two more rows split that time where it goes:
 * until the write is stored on A, then until the server has it (the bench follows the
 * server's `_changes`), then until B shows it.
 */
import type { BenchWindow } from '../browser/bench-api';
import { openBenchPage } from '../browser/bench-page-host';
import { installProbe, type ProbeWindow } from '../browser/app-probes';
import { profiled } from '../support/cpu-profile';
import { OWNER } from '../support/server-fixture';
import { followArrivals, type Arrivals } from '../support/server-arrivals';
import { summarize } from '../support/stats';
import { sampleRow, type Row } from '../table';
import type { BenchContext } from './context';

export async function liveSync(ctx: BenchContext): Promise<Row[]> {
	ctx.log('7 live sync');
	const { server, opts } = ctx;
	const live = await server.createWorkspace('Live sync');
	const project = ctx.ws.projects[0]!;
	await server.seed(live.db, [{ ...project, _rev: undefined }]);
	const url = `${server.app.baseUrl}/w/${live.id}/p/${project._id.slice(8)}`;
	const devices = await Promise.all([ctx.signedInContext(), ctx.signedInContext()]);
	let arrivals: Arrivals | null = null;
	try {
		const [a, b] = await Promise.all(
			devices.map(async (c) => {
				await c.addInitScript(installProbe);
				const page = await c.newPage();
				await page.goto(url);
				await page.getByRole('heading', { name: 'No tasks yet' }).waitFor({ timeout: 60_000 });
				await page.waitForFunction(
					() => (window as unknown as ProbeWindow).__probe.phases.at(-1)?.phase === 'idle',
					undefined,
					{ polling: 200 }
				);
				return page;
			})
		);
		await b!.evaluate(() => ((window as unknown as ProbeWindow).__probe.trackCards = true));
		const writer = await openBenchPage(devices[0], server.app.baseUrl);
		const pages = [
			{ page: a!, name: 'live-sync-a' },
			{ page: b!, name: 'live-sync-b' },
			{ page: writer, name: 'live-sync-writer' }
		];
		arrivals = await followArrivals(server, live.db);
		const { sent, stored } = await profiled(ctx.opts.profileDir, pages, () =>
			writer.evaluate(
				([db, user, p, rate, ms]) =>
					(window as unknown as BenchWindow).__bench.liveWrites(db, user, p, rate, ms),
				[
					`taskflow-${OWNER.name}-${live.db}`,
					OWNER.name,
					project._id,
					opts.liveWritesPerSecond,
					opts.liveMs
				] as const
			)
		);
		const total = Object.keys(sent).length;
		// Drain: give B up to 10 s to show the rest, then count what never arrived.
		await b!
			.waitForFunction(
				(n) => (window as unknown as ProbeWindow).__probe.countSeen.length > n,
				total,
				{ timeout: 10_000, polling: 200 }
			)
			.catch(() => undefined);
		await arrivals.stop();
		const seenOnServer = arrivals.seen;
		const { cardSeen, countSeen } = await b!.evaluate(() => {
			const p = (window as unknown as ProbeWindow).__probe;
			return { cardSeen: p.cardSeen, countSeen: p.countSeen };
		});
		// Writes arrive in order, so the count reaching i + 1 means write i is on the board.
		const shownAt = (title: string, i: number) =>
			Math.min(cardSeen[title] ?? Infinity, countSeen[i + 1] ?? Infinity);
		const latencies = Object.entries(sent).flatMap(([title, at], i) => {
			const shown = shownAt(title, i);
			return shown === Infinity ? [] : [shown - at];
		});
		// The leg to the server, and from it to B's board, for the writes that made both.
		const toStore: number[] = [];
		const toServer: number[] = [];
		const fromServer: number[] = [];
		Object.entries(sent).forEach(([title, at], i) => {
			const onServer = seenOnServer.get(title);
			const shown = shownAt(title, i);
			if (onServer === undefined || shown === Infinity) return;
			toStore.push(stored[title]! - at);
			toServer.push(onServer - stored[title]!);
			fromServer.push(shown - onServer);
		});
		const half = Math.floor(latencies.length / 2);
		const firstHalf = summarize(latencies.slice(0, half)).median;
		const secondHalf = summarize(latencies.slice(half)).median;
		const s = summarize(latencies);
		return [
			sampleRow(
				{
					scenario: '7 live sync',
					figure: `write on A → card on B, ${opts.liveWritesPerSecond}/s for ${opts.liveMs / 1000} s`,
					unit: 'ms',
					target: 'p50 ≤ 20, p99 ≤ 60 ms, no backlog',
					note: `p99 ${s.p99.toFixed(0)} ms; ${total - latencies.length} of ${total} not shown after 10 s; median 1st half ${firstHalf.toFixed(0)} / 2nd half ${secondHalf.toFixed(0)} ms`
				},
				s,
				(x) => x.median <= 20 && x.p99 <= 60 && latencies.length === total
			),
			sampleRow(
				{ scenario: '7 live sync', figure: '… of which stored on A', unit: 'ms' },
				summarize(toStore)
			),
			sampleRow(
				{
					scenario: '7 live sync',
					figure: '… then stored on A → on the server',
					unit: 'ms',
					note: `${total - seenOnServer.size} of ${total} not on the server at the end`
				},
				summarize(toServer)
			),
			sampleRow(
				{ scenario: '7 live sync', figure: '… then server → card on B', unit: 'ms' },
				summarize(fromServer)
			)
		];
	} finally {
		await arrivals?.stop();
		await Promise.all(devices.map((c) => c.close()));
	}
}
