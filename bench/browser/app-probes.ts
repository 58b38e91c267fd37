/**
 * Probes added to the real app's pages with `addInitScript`: they run before the app, note
 * times with `performance.now()` inside the page, and keep them on `window.__probe`.
 * Playwright's own round trips are never inside a measured interval.
 */

export interface Probe {
	/** Sync indicator phases as they changed, with their time since navigation start. */
	phases: { phase: string; t: number }[];
	/** When the first task card had been painted (the frame after its insertion). */
	firstCard: number | null;
	/** Set to record `cardSeen` (off by default: it costs a DOM query per inserted card). */
	trackCards: boolean;
	/** Titles of task cards as they were inserted, with `Date.now()` (for cross-page latency). */
	cardSeen: Record<string, number>;
	/**
	 * With `trackCards`: `countSeen[n]` is `Date.now()` when the first column's count first
	 * showed n or more. Long columns render only the cards near their scroll position, so a
	 * task that lands below the fold shows up as the count, not as an inserted card.
	 */
	countSeen: number[];
}

/** A page's window with the probe (cast to it inside `page.evaluate`). */
export interface ProbeWindow {
	__probe: Probe;
}

/** The init script itself; self-contained, as Playwright serialises it. */
export function installProbe(): void {
	const probe: Probe = {
		phases: [],
		firstCard: null,
		trackCards: false,
		cardSeen: {},
		countSeen: []
	};
	const readCount = () => {
		if (probe.trackCards) {
			const text = document.querySelector('[data-column] .count')?.textContent ?? '0';
			const n = Number(text);
			for (let i = probe.countSeen.length; i <= n; i++) probe.countSeen[i] = Date.now();
		}
		requestAnimationFrame(readCount);
	};
	requestAnimationFrame(readCount);
	(window as unknown as { __probe: Probe }).__probe = probe;
	const paint = (done: (t: number) => void) =>
		requestAnimationFrame(() => {
			const ch = new MessageChannel();
			ch.port1.onmessage = () => done(performance.now());
			ch.port2.postMessage(0);
		});
	let cardPending = false;
	const observer = new MutationObserver((records) => {
		const phase = document
			.querySelector('[data-testid=sync-indicator]')
			?.getAttribute('data-phase');
		if (phase && probe.phases[probe.phases.length - 1]?.phase !== phase) {
			probe.phases.push({ phase, t: performance.now() });
		}
		for (const r of records) {
			for (const n of r.addedNodes) {
				if (!(n instanceof Element)) continue;
				if (!probe.trackCards && probe.firstCard !== null) continue;
				const cards = n.matches('[data-testid=task-card]')
					? [n]
					: n.querySelectorAll('[data-testid=task-card]');
				for (const card of cards) {
					if (probe.trackCards) {
						const title = card.querySelector('[data-task-link]')?.textContent?.trim();
						if (title) probe.cardSeen[title] ??= Date.now();
					}
					if (probe.firstCard === null && !cardPending) {
						cardPending = true;
						paint((t) => (probe.firstCard = t));
					}
					if (!probe.trackCards) break;
				}
			}
		}
	});
	const start = () =>
		observer.observe(document.documentElement, {
			subtree: true,
			childList: true,
			attributes: true,
			attributeFilter: ['data-phase']
		});
	if (document.documentElement) start();
	else document.addEventListener('DOMContentLoaded', start);
}
