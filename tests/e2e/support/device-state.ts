/**
 * What each device's sync said when a test failed, for the failure message: a wait that
 * timed out on one device ("the card never showed") says nothing of why; the other device's
 * sync phase, its unsynced count and its last error usually do.
 */
import type { Page } from 'playwright-core';
import type { PageProblems } from './browser';

export interface Device {
	name: string;
	page: Page;
	problems?: PageProblems;
}

/** One line per device: URL, sync phase, leader, indicator text (with its detail), online. */
export async function describeDevices(devices: readonly Device[]): Promise<string> {
	const lines: string[] = [];
	for (const { name, page, problems } of devices) {
		if (page.isClosed()) {
			lines.push(`${name}: page closed`);
			continue;
		}
		const state = await page
			.evaluate(() => {
				const el = document.querySelector('[data-testid=sync-indicator]');
				return {
					url: location.pathname,
					phase: el?.getAttribute('data-phase') ?? '(no indicator)',
					leader: el?.getAttribute('data-leader') ?? '?',
					text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
					online: navigator.onLine
				};
			})
			.catch((err: unknown) => ({ error: String(err) }));
		lines.push(`${name}: ${JSON.stringify(state)}`);
		const report = problems?.report();
		if (report) lines.push(report.replace(/^/gm, '  '));
	}
	return lines.join('\n');
}
