/**
 * `--profile DIR`: records a CPU profile of a page while a scenario runs (Chrome DevTools
 * protocol) and saves it as `DIR/<name>.cpuprofile`, which DevTools' Performance panel
 * opens. Without the option it just runs the scenario.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

export async function profiled<T>(
	dir: string | null,
	pages: { page: Page; name: string }[],
	run: () => Promise<T>
): Promise<T> {
	if (!dir) return run();
	const sessions = await Promise.all(
		pages.map(async ({ page, name }) => {
			const cdp = await page.context().newCDPSession(page);
			await cdp.send('Profiler.enable');
			await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
			await cdp.send('Profiler.start');
			return { cdp, name };
		})
	);
	try {
		return await run();
	} finally {
		await mkdir(dir, { recursive: true });
		for (const { cdp, name } of sessions) {
			const { profile } = await cdp.send('Profiler.stop');
			const file = path.join(dir, `${name}.cpuprofile`);
			await writeFile(file, JSON.stringify(profile));
			console.log(`CPU profile: ${file}`);
			await cdp.detach();
		}
	}
}
