/**
 * Scenario 1: scripted edits on the real board — select a card with `j`, then move it
 * between the first two columns with Shift+→ / Shift+← (each a real write through the
 * app's repository). Timed in the page from the key event to the paint after the moved
 * card is in the DOM; long main-thread tasks are collected meanwhile.
 */
import { profiled } from '../support/cpu-profile';
import { summarize } from '../support/stats';
import { sampleRow, type Row } from '../table';
import type { BenchContext } from './context';
import type { Device } from './initial-sync';

interface EditProbe {
	samples: number[];
	longTasks: number[];
}

export async function boardEdits(ctx: BenchContext, device: Device): Promise<Row[]> {
	ctx.log('1 board edits');
	const { page } = device;
	await page.goto(device.projectUrl);
	await page.locator('[data-testid=task-card]').first().waitFor({ timeout: 120_000 });
	const cards = await page.locator('[data-testid=task-card]').count();
	await page.locator('body').press('j');
	const id = await page
		.locator('.card.selected')
		.first()
		.getAttribute('data-task-id', { timeout: 10_000 });
	await page.evaluate((selected) => {
		const probe: EditProbe = { samples: [], longTasks: [] };
		(window as unknown as { __edits: EditProbe }).__edits = probe;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) probe.longTasks.push(e.duration);
		}).observe({ type: 'longtask' });
		let keyAt: number | null = null;
		addEventListener(
			'keydown',
			(e) => {
				if (e.shiftKey && e.key.startsWith('Arrow')) keyAt = e.timeStamp;
			},
			true
		);
		new MutationObserver((records) => {
			if (keyAt === null) return;
			const moved = records.some((r) =>
				[...r.addedNodes].some(
					(n) =>
						n instanceof Element &&
						(n.getAttribute('data-task-id') === selected ||
							n.querySelector(`[data-task-id="${selected}"]`))
				)
			);
			if (!moved) return;
			const from = keyAt;
			keyAt = null;
			requestAnimationFrame(() => {
				const ch = new MessageChannel();
				ch.port1.onmessage = () => probe.samples.push(performance.now() - from);
				ch.port2.postMessage(0);
			});
		}).observe(document.body, { childList: true, subtree: true });
	}, id);
	await profiled(ctx.opts.profileDir, [{ page, name: 'board-edits' }], async () => {
		for (let i = 0; i < ctx.opts.boardEdits; i++) {
			await page.keyboard.press(i % 2 === 0 ? 'Shift+ArrowRight' : 'Shift+ArrowLeft');
			await page.waitForFunction(
				(n) => (window as unknown as { __edits: EditProbe }).__edits.samples.length >= n,
				i + 1,
				{ timeout: 30_000, polling: 10 }
			);
		}
	});
	const probe = await page.evaluate(() => (window as unknown as { __edits: EditProbe }).__edits);
	const s = summarize(probe.samples);
	const long = probe.longTasks.filter((d) => d > 50);
	return [
		sampleRow(
			{
				scenario: '1 board edits',
				figure: `Shift+arrow move → next paint, ${cards} cards`,
				unit: 'ms',
				target: 'p50 ≤ 16, p98 ≤ 50 ms, no task > 50 ms',
				note: `p98 ${s.p98.toFixed(1)} ms; ${long.length} long tasks > 50 ms (max ${Math.max(0, ...long).toFixed(0)} ms)`
			},
			s,
			(x) => x.median <= 16 && x.p98 <= 50 && long.length === 0
		)
	];
}
