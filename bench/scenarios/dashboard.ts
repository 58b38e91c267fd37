/**
 * Scenario 9: the analytics dashboard on the seeded workspace, timed from navigation to the
 * dashboard on screen — online (the server's views) and offline (this device's views), each
 * first with indexes still to build and then warm.
 */
import type { Row } from '../table';
import { verdict } from '../table';
import type { BenchContext } from './context';
import type { Device } from './initial-sync';

const TIMEOUT = 15 * 60_000;

export async function dashboard(ctx: BenchContext, device: Device, docs: number): Promise<Row[]> {
	ctx.log('9 analytics dashboard');
	const { page, context } = device;
	const url = `${ctx.server.app.baseUrl}/w/${ctx.server.main.id}/analytics`;
	// First render may come from the figures this device saved last time; `data-fresh` says
	// when they are up to date (checked against this device's sequence, or re-read).
	const open = async (): Promise<[number, number]> => {
		const t0 = performance.now();
		await page.goto(url);
		await page.getByTestId('dashboard').waitFor({ timeout: TIMEOUT });
		const shown = performance.now() - t0;
		await page.locator('[data-fresh="true"]').waitFor({ timeout: TIMEOUT });
		return [shown, performance.now() - t0];
	};
	const row = (figure: string, ms: number, note: string): Row => ({
		scenario: '9 analytics',
		figure,
		unit: 'ms',
		median: ms,
		p95: ms,
		target: '≤ 200 ms',
		verdict: verdict(ms <= 200),
		note
	});
	const serverCold = await open();
	const serverWarm = await open();
	await context.setOffline(true);
	const deviceCold = await open();
	const deviceWarm = await open();
	await context.setOffline(false);
	const upToDate = (what: string, [shown, fresh]: [number, number], note: string) => [
		row(what, shown, note),
		row(`${what}, figures up to date`, fresh, 'one run; same open, until checked or re-read')
	];
	return [
		...upToDate(
			'dashboard, server views, first open',
			serverCold,
			`one run; nothing saved yet: ${docs} docs, indexes built in the background after the seed`
		),
		...upToDate('dashboard, server views, warm', serverWarm, 'one run; shows saved figures'),
		...upToDate(
			'dashboard offline, this device, first open',
			deviceCold,
			`one run; saved figures from the online opens; the browser builds its indexes over ${docs} docs unless an online open got to finish them`
		),
		...upToDate('dashboard offline, this device, warm', deviceWarm, 'one run')
	];
}
