/**
 * Accessibility checks with axe-core, injected from node_modules (nothing is fetched).
 * Pages must be opened in a context with `bypassCSP: true`, since the app's CSP rightly
 * refuses injected scripts.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/** Serious and critical violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
	// Contrast is measured on what is painted: let entrance animations (fades) finish first.
	// (Endless ones such as spinners never finish; cancelled ones reject: skip both.)
	await page.evaluate(() =>
		Promise.all(
			document
				.getAnimations()
				.filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
				.map((a) => a.finished.catch(() => undefined))
		)
	);
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
	const violations = await page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
			}
		).axe;
		const result = await axe.run(document, { resultTypes: ['violations'] });
		return result.violations;
	});
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.impact} ${v.id}: ${v.help} — ${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(', ')}`
		);
}
