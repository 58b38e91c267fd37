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
	const open = async (): Promise<number> => {
		const t0 = performance.now();
		await page.goto(url);
		await page.getByTestId('dashboard').waitFor({ timeout: TIMEOUT });
		return performance.now() - t0;
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
	return [
		row(
			'dashboard, server views, first open',
			serverCold,
			`one run; builds 6 view indexes over ${docs} docs on the server`
		),
		row('dashboard, server views, warm', serverWarm, 'one run'),
		row(
			'dashboard offline, this device, first open',
			deviceCold,
			`one run; builds the indexes over ${docs} docs in the browser`
		),
		row('dashboard offline, this device, warm', deviceWarm, 'one run')
	];
}
