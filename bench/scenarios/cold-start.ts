/**
 * Scenarios 3 and 12 on the device that synced the workspace: reloads of the project board
 * with every task stored (time to the first painted card), the JavaScript those loads
 * fetched before that paint (gzip), and the JS heap with the workspace's tasks loaded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { ProbeWindow } from '../browser/app-probes';
import { summarize } from '../support/stats';
import { sampleRow, verdict, type Row } from '../table';
import type { BenchContext } from './context';
import type { Device } from './initial-sync';

export async function coldStart(ctx: BenchContext, device: Device): Promise<Row[]> {
	ctx.log('3 cold start');
	const { page } = device;
	const samples: number[] = [];
	const scripts = new Set<string>();
	for (let i = 0; i < ctx.opts.coldStarts; i++) {
		await page.goto(device.projectUrl);
		await page.waitForFunction(
			() => (window as unknown as ProbeWindow).__probe.firstCard !== null,
			undefined,
			{ timeout: 120_000 }
		);
		const r = await page.evaluate(() => {
			const t = (window as unknown as ProbeWindow).__probe.firstCard!;
			const js = performance
				.getEntriesByType('resource')
				.filter((e) => e.startTime < t && new URL(e.name).pathname.endsWith('.js'))
				.map((e) => new URL(e.name).pathname);
			return { t, js };
		});
		samples.push(r.t);
		for (const s of r.js) scripts.add(s);
	}
	const kb = criticalJsGzipKb(scripts);
	const rows: Row[] = [
		sampleRow(
			{
				scenario: '3 cold start',
				figure: `reload → first card painted, ${ctx.ws.tasks.length} tasks stored`,
				unit: 'ms',
				target: '≤ 300 ms',
				note: 'online reload (offline start through the service worker not measured)'
			},
			summarize(samples),
			(s) => s.median <= 300
		),
		{
			scenario: '3 cold start',
			figure: `JS before first card (${scripts.size} files)`,
			unit: 'KB gz',
			median: kb,
			p95: kb,
			target: '≤ 80 KB gzip',
			verdict: verdict(kb <= 80)
		}
	];

	ctx.log('12 memory (browser heap)');
	const cdp = await device.context.newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	await cdp.detach();
	const mb = usedSize / 2 ** 20;
	rows.push({
		scenario: '12 memory',
		figure: `browser JS heap, board open, ${ctx.ws.tasks.length} tasks loaded`,
		unit: 'MB',
		median: mb,
		p95: mb,
		target: '≤ 150 MB',
		verdict: verdict(mb <= 150),
		note: 'after GC, CDP Runtime.getHeapUsage'
	});
	return rows;
}

/** Gzip size of the built files behind `paths` (the adapter's .gz when it wrote one). */
function criticalJsGzipKb(paths: Iterable<string>): number {
	let bytes = 0;
	for (const p of paths) {
		const file = `build/client${p}`;
		if (existsSync(`${file}.gz`)) bytes += readFileSync(`${file}.gz`).length;
		else if (existsSync(file)) bytes += gzipSync(readFileSync(file, 'utf8'), { level: 9 }).length;
	}
	return bytes / 1024;
}
