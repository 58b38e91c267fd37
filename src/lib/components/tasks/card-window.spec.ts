import { describe, expect, it } from 'vitest';
import { cardWindow, inWindow, RENDER_ALL_UP_TO, scrollTopFor } from './card-window';

const base = { count: 1000, scrollTop: 0, viewport: 800, rowHeight: 100, overscan: 5 };

describe('cardWindow', () => {
	it('renders the viewport plus the overscan below it at the top', () => {
		expect(cardWindow(base)).toEqual({ start: 0, end: 14 });
	});

	it('follows the scroll position with overscan on both sides', () => {
		expect(cardWindow({ ...base, scrollTop: 5000 })).toEqual({ start: 45, end: 64 });
	});

	it('renders a short column whole, wherever it is scrolled', () => {
		expect(cardWindow({ ...base, count: 7 })).toEqual({ start: 0, end: 7 });
		const short = { ...base, count: RENDER_ALL_UP_TO, scrollTop: 3000, viewport: 100 };
		expect(cardWindow(short)).toEqual({ start: 0, end: RENDER_ALL_UP_TO });
	});

	it('keeps a full window at the end of the column', () => {
		const w = cardWindow({ ...base, scrollTop: 10_000_000 });
		expect(w.end).toBe(1000);
		expect(w.end - w.start).toBe(14);
	});

	it('copes with an empty column and an unmeasured layout', () => {
		expect(cardWindow({ ...base, count: 0 })).toEqual({ start: 0, end: 0 });
		expect(cardWindow({ ...base, viewport: 0, rowHeight: 0 })).toEqual({ start: 0, end: 6 });
		expect(cardWindow({ ...base, count: 50, viewport: 0 })).toEqual({ start: 0, end: 6 });
	});
});

describe('scrollTopFor', () => {
	it('centres the card and puts it inside the window computed from that position', () => {
		const top = scrollTopFor(600, 800, 100);
		expect(top).toBe(59_650);
		expect(inWindow(cardWindow({ ...base, scrollTop: top }), 600)).toBe(true);
	});

	it('never scrolls above the top', () => {
		expect(scrollTopFor(1, 800, 100)).toBe(0);
	});
});
