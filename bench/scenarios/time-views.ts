/**
 * Part of scenario 9: the time-tracking views (design-docs/lib/time-views.js) built over the
 * whole seeded workspace, on the server (through the door) and on the synced browser's own
 * database (the same map functions, run by the app's view engine), then a timesheet week
 * read from the built index.
 */
import { openBenchPage } from '../browser/bench-page-host';
import type { BenchWindow } from '../browser/bench-api';
import { summarize } from '../support/stats';
import { OWNER } from '../support/server-fixture';
import { sampleRow, verdict, type Row } from '../table';
import type { BenchContext } from './context';
import type { Device } from './initial-sync';

const VIEW = 'time_by_user_day';
const REPS = 20;

/** The Monday-to-Sunday week holding `day` (UTC calendar arithmetic on `YYYY-MM-DD`). */
function weekOf(day: string): [string, string] {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
	const from = d.toISOString().slice(0, 10);
	d.setUTCDate(d.getUTCDate() + 6);
	return [from, d.toISOString().slice(0, 10)];
}

export async function timeViews(ctx: BenchContext, device: Device, docs: number): Promise<Row[]> {
	const { server, ws } = ctx;
	const sample = ws.timeEntries[Math.floor(ws.timeEntries.length / 2)];
	if (!sample) return [];
	ctx.log('9 time views');
	const [from, to] = weekOf(String(sample.start).slice(0, 10));
	const week = { startkey: [OWNER.name, from], endkey: [OWNER.name, to, {}], group_level: 4 };
	const path = (opts: Record<string, unknown>) =>
		`/db/${server.main.db}/_design/taskflow/_view/${VIEW}?` +
		Object.entries(opts)
			.map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
			.join('&');

	let t0 = performance.now();
	const built = await server.request('GET', path({ group_level: 2 }));
	if (!built.ok) throw new Error(`server view: ${built.status}`);
	await built.json();
	const serverMs = performance.now() - t0;
	const serverWeek: number[] = [];
	for (let i = 0; i < REPS; i++) {
		t0 = performance.now();
		await (await server.request('GET', path(week))).json();
		serverWeek.push(performance.now() - t0);
	}

	const lab = await openBenchPage(device.context, server.app.baseUrl);
	const local = await lab.evaluate(
		([db, view, opts, reps]) =>
			(window as unknown as BenchWindow).__bench.viewBuild(db, view, opts, reps),
		[device.localDb, VIEW, week, REPS] as const
	);
	await lab.close();

	const rate = (ms: number) => docs / (ms / 1000);
	const buildRow = (where: string, ms: number): Row => ({
		scenario: '9 analytics (time views)',
		figure: `${VIEW} build over ${docs} docs, ${where}`,
		unit: 'docs/s',
		median: rate(ms),
		p95: rate(ms),
		target: '≥ 4,000 docs/s',
		verdict: verdict(rate(ms) >= 4000),
		note: `one run: ${(ms / 1000).toFixed(1)} s`
	});
	return [
		buildRow('server', serverMs),
		buildRow('this device', local.buildMs),
		sampleRow(
			{
				scenario: '9 analytics (time views)',
				figure: `timesheet week from the built index, server`,
				unit: 'ms',
				target: '≤ 200 ms'
			},
			summarize(serverWeek),
			(s) => s.p95 <= 200
		),
		sampleRow(
			{
				scenario: '9 analytics (time views)',
				figure: `timesheet week from the built index, this device (${local.rows} rows)`,
				unit: 'ms',
				target: '≤ 200 ms'
			},
			summarize(local.query),
			(s) => s.p95 <= 200
		)
	];
}
