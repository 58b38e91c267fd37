/**
 * Scenario 6: a fresh browser (signed in, nothing stored) opens the seeded workspace in the
 * real app and replicates all of it. Timed inside the page from navigation start to the
 * sync indicator's last switch to "idle", once the local database holds every document.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { BenchWindow } from '../browser/bench-api';
import { openBenchPage } from '../browser/bench-page-host';
import { installProbe, type ProbeWindow } from '../browser/app-probes';
import { OWNER } from '../support/server-fixture';
import type { Row } from '../table';
import { verdict } from '../table';
import type { BenchContext } from './context';

export interface Device {
	context: BrowserContext;
	page: Page;
	projectUrl: string;
	localDb: string;
}

export async function initialSync(
	ctx: BenchContext,
	docs: number
): Promise<{ rows: Row[]; device: Device }> {
	ctx.log('6 initial sync');
	const { server, ws } = ctx;
	const context = await ctx.signedInContext();
	await context.addInitScript(installProbe);
	const page = await context.newPage();
	const projectUrl = `${server.app.baseUrl}/w/${server.main.id}/p/${ws.projects[0]!._id.slice(8)}`;
	const localDb = `taskflow-${OWNER.name}-${server.main.db}`;
	await page.goto(projectUrl);
	const lab = await openBenchPage(context, server.app.baseUrl);
	const deadline = Date.now() + 15 * 60_000;
	let stored = 0;
	let seconds = NaN;
	while (Date.now() < deadline) {
		await page.waitForFunction(
			() => {
				const p = (window as unknown as { __probe: { phases: { phase: string }[] } }).__probe;
				return (
					p.phases[p.phases.length - 1]?.phase === 'idle' &&
					!document.querySelector('[data-testid=sync-pending]')
				);
			},
			undefined,
			{ timeout: deadline - Date.now(), polling: 500 }
		);
		stored = await lab.evaluate(
			(name) => (window as unknown as BenchWindow).__bench.docCount(name),
			localDb
		);
		if (stored >= docs) {
			const phases = await page.evaluate(() => (window as unknown as ProbeWindow).__probe.phases);
			seconds = phases.findLast((p) => p.phase === 'idle')!.t / 1000;
			break;
		}
		await page.waitForTimeout(500);
	}
	await lab.close();
	const rate = docs / seconds;
	const row: Row = {
		scenario: '6 initial sync',
		figure: `${docs} docs into a fresh browser`,
		unit: 'docs/s',
		median: rate,
		p95: rate,
		target: '≥ 5,000 docs/s',
		verdict: verdict(Number.isNaN(rate) ? undefined : rate >= 5000),
		note: `one run: ${seconds.toFixed(1)} s from navigation to idle; ${stored} docs stored`
	};
	return { rows: [row], device: { context, page, projectUrl, localDb } };
}
