/**
 * Pure layout helpers for the dashboard's SVG charts: nice axis ticks, linear scales, band
 * positions, SVG paths, stacking, label thinning, the legend flow, the colour palette and
 * CSV. No DOM and no framework, so all of it is unit-tested.
 */
import { csvField, textField } from '$lib/domain/csv-cell';

/** Rounds away floating-point noise (0.1 + 0.2) at `step`'s precision. */
const snap = (v: number, step: number) => {
	const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
	return Number(v.toFixed(Math.min(digits, 20))) || 0;
};

/**
 * Ticks for a value axis: evenly spaced at a 1, 2 or 5 × 10^k step (the smallest one giving
 * at most `count` intervals over the data), the first at or below `min` and the last at or
 * above `max`. When `min` ≥ 0 the axis starts at 0. An empty or invalid range gives [0, 1].
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
	if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
	if (min > max) [min, max] = [max, min];
	const lo = min >= 0 ? 0 : min;
	const hi = max > lo ? max : lo === 0 ? 1 : lo + 1;
	const rough = (hi - lo) / Math.max(1, Math.floor(count));
	const power = 10 ** Math.floor(Math.log10(rough));
	const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough * (1 - 1e-9))!;
	const first = Math.floor(snap(lo / step, 1e-6));
	const last = Math.ceil(snap(hi / step, 1e-6));
	return Array.from({ length: last - first + 1 }, (_, i) => snap((first + i) * step, step));
}

/** Ticks for whole-number data (counts): as `niceTicks`, but never a fractional step. */
export function integerTicks(min: number, max: number, count = 5): number[] {
	const ticks = niceTicks(min, max, count);
	if (ticks.length < 2 || ticks[1]! - ticks[0]! >= 1) return ticks;
	const [first, last] = [Math.floor(ticks[0]!), Math.ceil(ticks[ticks.length - 1]!)];
	return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Maps `domain` linearly onto `range`; a zero-width domain maps to the middle of the range. */
export function linear(domain: [number, number], range: [number, number]): (v: number) => number {
	const [d0, d1] = domain;
	const [r0, r1] = range;
	if (d0 === d1) return () => (r0 + r1) / 2;
	const k = (r1 - r0) / (d1 - d0);
	return (v) => r0 + (v - d0) * k;
}

/**
 * `n` equal bands across `width`: each slot is width / n wide, `gap` of it (a fraction) is
 * split evenly either side of the band. `x(i)` is where band i starts.
 */
export function bandLayout(
	n: number,
	width: number,
	gap = 0.2
): { x: (i: number) => number; band: number } {
	const step = n > 0 ? width / n : 0;
	const g = Math.min(Math.max(gap, 0), 1);
	return { x: (i) => i * step + (step * g) / 2, band: step * (1 - g) };
}

/** `v` rounded to 2 decimals, to keep SVG markup short. */
export const r2 = (v: number) => Math.round(v * 100) / 100;
const num = (v: number) => String(r2(v));

/** An SVG path through `points` (`M x,y L x,y …`, two decimals); '' for no points. */
export function linePath(points: readonly [number, number][]): string {
	return points.map(([x, y], i) => `${i ? 'L' : 'M'}${num(x)},${num(y)}`).join('');
}

/**
 * Stacks series (each row is one series' values) point by point: positive values pile up
 * from 0, negative ones down from 0. Gives each series' [lower, upper] bound per point;
 * a missing value counts as 0.
 */
export function stackSeries(rows: readonly number[][]): [number, number][][] {
	const length = Math.max(0, ...rows.map((r) => r.length));
	const up = new Array<number>(length).fill(0);
	const down = new Array<number>(length).fill(0);
	return rows.map((row) =>
		Array.from({ length }, (_, i): [number, number] => {
			const v = row[i] ?? 0;
			if (v < 0) return [(down[i]! += v), down[i]! - v];
			return [up[i]!, (up[i]! += v)];
		})
	);
}

/** Index runs of non-null values, e.g. [1, null, 2, 3] → [[0], [2, 3]], for broken lines. */
export function definedRuns(values: readonly (number | null)[]): number[][] {
	const runs: number[][] = [];
	values.forEach((v, i) => {
		if (v === null || !Number.isFinite(v)) return;
		const run = runs[runs.length - 1];
		if (run && run[run.length - 1] === i - 1) run.push(i);
		else runs.push([i]);
	});
	return runs;
}

/** Average glyph width (px) of the 11px axis text, used to estimate label widths. */
export const CHAR_W = 6;

/** How category labels are drawn; see `xLabelLayout`. */
export type XLabelLayout = {
	rotate: boolean;
	every: number;
	maxChars: number;
	/** Height needed below the axis. */
	margin: number;
	/** How far a label reaches left of its tick. */
	overhang: number;
};

/**
 * How to show category labels spaced `step` px apart: flat when the longest fits; short
 * labels (≤ 6 chars) stay flat but only every `every`th is shown; longer ones are rotated
 * −45° (and thinned so rotated lines do not overlap) and cut to `maxChars`.
 */
export function xLabelLayout(
	labels: readonly string[],
	step: number,
	charW = CHAR_W
): XLabelLayout {
	const longest = Math.max(1, ...labels.map((l) => l.length));
	const overhang = (longest * charW) / 2;
	if (longest * charW + 6 <= step) {
		return { rotate: false, every: 1, maxChars: longest, margin: 20, overhang };
	}
	if (longest <= 6) {
		const every = Math.ceil((longest * charW + 6) / Math.max(step, 1));
		return { rotate: false, every, maxChars: longest, margin: 20, overhang };
	}
	const maxChars = Math.min(longest, 14);
	const every = Math.ceil(20 / Math.max(step, 1));
	const reach = Math.ceil(maxChars * charW * 0.71);
	return { rotate: true, every, maxChars, margin: reach + 16, overhang: reach + 10 };
}

/**
 * The plot's left and right edges for `labels` spread across `width` under a value axis
 * whose tick labels are `tickW` px wide, leaving room for the first and last labels.
 */
export function categoryAxis(
	labels: readonly string[],
	width: number,
	tickW: number
): { layout: XLabelLayout; left: number; right: number } {
	const step = (width - tickW - 18) / Math.max(1, labels.length);
	const layout = xLabelLayout(labels, step);
	const spill = layout.overhang - step / 2;
	return {
		layout,
		left: Math.max(tickW + 10, spill),
		right: width - (layout.rotate ? 8 : Math.max(8, spill))
	};
}

/** `text` cut to `max` characters, ending in an ellipsis when cut. */
export const clip = (text: string, max: number) =>
	text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;

/** Legend items flowed into rows across `width`: each item's x/y and the total height. */
export function legendLayout(
	names: readonly string[],
	width: number,
	charW = CHAR_W,
	rowH = 18
): { items: { x: number; y: number }[]; height: number } {
	let [x, y] = [0, 0];
	const items = names.map((name) => {
		const w = 18 + name.length * charW + 14;
		if (x > 0 && x + w > width) [x, y] = [0, y + rowH];
		const at = { x, y };
		x += w;
		return at;
	});
	return { items, height: names.length ? y + rowH + 6 : 0 };
}

/** Series colours as [light, dark]: each ≥ 3:1 against --surface and --surface-2. */
export const PALETTE: readonly (readonly [string, string])[] = [
	['#2458d6', '#6b98ff'],
	['#c25400', '#f0a050'],
	['#1f8a4c', '#4cc38a'],
	['#7c4dce', '#b69cff'],
	['#c2336b', '#ff7bab'],
	['#0e7a86', '#3cc6d0'],
	['#6b7480', '#a3acb6']
];

/** The palette as custom properties (`--chart-1` …) for a chart's root `style`. */
export const PALETTE_STYLE = PALETTE.map(
	([l, d], i) => `--chart-${i + 1}: light-dark(${l}, ${d});`
).join(' ');

/** The colour for series `i`: its own, or the palette's, repeating. */
export const seriesColor = (i: number, own?: string) =>
	own ?? `var(--chart-${(i % PALETTE.length) + 1})`;

/** `text` as a file-name slug: lower case ASCII words joined by '-', 'chart' when empty. */
export function slugify(text: string): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return slug || 'chart';
}

// Numbers stay numbers (a -3 h difference must sum in the sheet); text, whoever named it,
// is guarded against formulas on every line.
const cell = (v: string | number): string =>
	typeof v === 'number' ? csvField(String(v)) : textField(v);

/**
 * RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted (quotes doubled); every
 * line, the last too, ends in CRLF. Text that could start a formula (see `textField`) gets
 * a leading '; numbers are written as they are.
 */
export function toCsv(header: readonly string[], rows: readonly (string | number)[][]): string {
	return [header, ...rows].map((r) => `${r.map(cell).join(',')}\r\n`).join('');
}

/** One legend entry: a swatch (a line for line series) and the series name. */
export type LegendItem = { name: string; color: string; line?: boolean; dashed?: boolean };

/** Value-axis ticks over `values` and 0; whole-number steps when every value is whole. */
export function valueTicks(values: readonly number[], count = 5): number[] {
	const finite = values.filter((v) => Number.isFinite(v));
	const [lo, hi] = [Math.min(0, ...finite), Math.max(0, ...finite)];
	return (finite.every((v) => Number.isInteger(v)) ? integerTicks : niceTicks)(lo, hi, count);
}

/**
 * A one-sentence summary of a chart for its aria-label, e.g. "Bar chart of Hours: 3
 * categories, Web to Ops; highest 12 h (Web)."
 */
export function summarize(
	kind: string,
	noun: string,
	labels: readonly string[],
	series: readonly { name: string; values: readonly (number | null)[] }[],
	format: (v: number) => string
): string {
	let best: { v: number; i: number; s: string } | null = null;
	for (const s of series) {
		s.values.forEach((v, i) => {
			if (v !== null && Number.isFinite(v) && (!best || v > best.v)) best = { v, i, s: s.name };
		});
	}
	const names = series.map((s) => s.name).join(', ') || 'no series';
	if (!labels.length) return `${kind} of ${names}: no data.`;
	const range = labels.length > 1 ? `, ${labels[0]} to ${labels[labels.length - 1]}` : '';
	const top = best as { v: number; i: number; s: string } | null;
	const where = top && [series.length > 1 ? top.s : '', labels[top.i] ?? ''].filter(Boolean);
	const peak = top && where ? `; highest ${format(top.v)} (${where.join(', ')})` : '';
	return `${kind} of ${names}: ${labels.length} ${noun}${range}${peak}.`;
}
