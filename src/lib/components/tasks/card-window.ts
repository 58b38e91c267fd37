/**
 * Which cards of a long board column are worth putting in the DOM: the ones inside the
 * scrolled viewport plus a margin on each side. Everything else is stood in for by two
 * spacers sized from an average card height, so the scrollbar still spans the column.
 */

export interface CardWindow {
	/** First rendered card. */
	start: number;
	/** One past the last rendered card. */
	end: number;
}

export interface WindowInput {
	count: number;
	scrollTop: number;
	/** Visible height of the scroller, in px. */
	viewport: number;
	/** Average height of one card including the gap after it, in px. */
	rowHeight: number;
	/** Extra cards rendered above and below the viewport. */
	overscan: number;
}

/**
 * Columns up to this long are rendered whole: windowing pays off only for long ones, and a
 * short column then behaves exactly like a plain list (every card findable in the page).
 */
export const RENDER_ALL_UP_TO = 40;

/** The cards to render for a scroll position. */
export function cardWindow(input: WindowInput): CardWindow {
	const { count, scrollTop, viewport, overscan } = input;
	if (count <= RENDER_ALL_UP_TO) return { start: 0, end: count };
	const row = Math.max(1, input.rowHeight);
	const first = Math.floor(Math.max(0, scrollTop) / row);
	const visible = Math.ceil(Math.max(0, viewport) / row) + 1;
	const start = Math.max(0, Math.min(first - overscan, count - visible - overscan));
	const end = Math.min(count, first + visible + overscan);
	return { start: Math.min(start, end), end };
}

/** A scroll position that puts card `index` near the middle of the viewport. */
export function scrollTopFor(index: number, viewport: number, rowHeight: number): number {
	return Math.max(0, Math.round(index * rowHeight - viewport / 2 + rowHeight / 2));
}

/** Whether `index` is rendered by `w`. */
export const inWindow = (w: CardWindow, index: number): boolean =>
	index >= w.start && index < w.end;
