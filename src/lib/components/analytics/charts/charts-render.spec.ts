import { render } from 'svelte/server';
import { createRawSnippet, type Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import BarChart from './BarChart.svelte';
import ChartCard from './ChartCard.svelte';
import Histogram from './Histogram.svelte';
import LineChart from './LineChart.svelte';

/** Server-renders a component (no measured width yet, so charts lay out at 600 px). */
function html<P extends Record<string, unknown>>(component: Component<P>, options: { props: P }) {
	return render(component, options).body;
}
const count = (body: string, re: RegExp) => body.match(re)?.length ?? 0;
const attr = (body: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(body)?.[1];

const labels = ['Website', 'Mobile app', 'Ops'];

describe('BarChart', () => {
	it('draws one bar per value, each with its value as a tooltip', () => {
		const body = html(BarChart, {
			props: {
				labels,
				series: [{ name: 'Hours', values: [4, 12, 7] }],
				format: (v: number) => `${v} h`
			}
		});
		expect(count(body, /<svg /g)).toBe(1);
		expect(attr(body, 'role')).toBe('img');
		expect(attr(body, 'aria-label')).toBe(
			'Bar chart of Hours: 3 categories, Website to Ops; highest 12 h (Mobile app).'
		);
		expect(count(body, /<rect class="bar/g)).toBe(3);
		expect(body).toContain('<title>Mobile app: 12 h</title>');
		// A single series needs no legend; ticks 0, 5, 10, 15 label the axis.
		expect(body).not.toContain('class="legend');
		expect(body).toContain('>15 h</text>');
	});

	it('groups or stacks several series, with a legend', () => {
		const series = [
			{ name: 'Done', values: [1, 2, 3] },
			{ name: 'Open', values: [4, 0, 2], color: 'var(--warn)' }
		];
		for (const stacked of [false, true]) {
			const body = html(BarChart, { props: { labels, series, stacked } });
			expect(count(body, /<rect class="bar/g)).toBe(6);
			expect(body).toContain('class="legend');
			expect(body).toContain('fill: var(--warn)');
		}
		// Stacked, the tallest bar is 1 + 4 = 5, so the axis ends at 5; grouped at 4.
		expect(html(BarChart, { props: { labels, series, stacked: true } })).toContain('>5</text>');
		expect(html(BarChart, { props: { labels, series } })).not.toContain('>5</text>');
	});

	it('lays categories down the side when horizontal, growing with them', () => {
		const names = Array.from({ length: 12 }, (_, i) => `Member number ${i + 1}`);
		const body = html(BarChart, {
			props: {
				labels: names,
				series: [{ name: 'Tasks', values: names.map((_, i) => i) }],
				horizontal: true
			}
		});
		expect(count(body, /<rect class="bar/g)).toBe(12);
		expect(body).toContain('>Member number 12</text>');
		// 12 rows × 28 px + margins is taller than the 220 px default.
		expect(Number(attr(body, 'height'))).toBeGreaterThan(12 * 28);
	});

	it('rotates long labels when they do not fit', () => {
		const many = Array.from({ length: 30 }, (_, i) => `Project ${i + 1} long name`);
		const body = html(BarChart, {
			props: { labels: many, series: [{ name: 'Hours', values: many.map(() => 1) }] }
		});
		expect(body).toContain('rotate(-45)');
		expect(body).toContain('Project 1 lon…');
	});
});

describe('LineChart', () => {
	it('breaks lines at nulls and marks every defined point', () => {
		const body = html(LineChart, {
			props: {
				labels: ['Mon', 'Tue', 'Wed', 'Thu'],
				series: [
					{ name: 'Actual', values: [1, 2, null, 3] },
					{ name: 'Ideal', values: [4, 3, 2, 1], dashed: true }
				]
			}
		});
		expect(attr(body, 'aria-label')).toBe(
			'Line chart of Actual, Ideal: 4 points, Mon to Thu; highest 4 (Ideal, Mon).'
		);
		// Actual: a path for Mon–Tue, a lone dot for Thu; Ideal: one dashed path.
		expect(count(body, /<path class="line/g)).toBe(2);
		expect(count(body, /<circle class="point/g)).toBe(3 + 4);
		expect(count(body, /stroke-dasharray="6 4"/g)).toBe(1);
		expect(body).toContain('<title>Thu · Actual: 3</title>');
	});

	it('stacks areas for a cumulative flow diagram', () => {
		const body = html(LineChart, {
			props: {
				labels: ['1 Mar', '2 Mar', '3 Mar'],
				series: [
					{ name: 'Done', values: [0, 1, 2] },
					{ name: 'In progress', values: [2, 2, null] }
				],
				stacked: true
			}
		});
		expect(count(body, /<path class="area/g)).toBe(2);
		// The tooltip shows the series' own value, not the stack height.
		expect(body).toContain('<title>2 Mar · In progress: 2</title>');
		expect(body).toContain('<title>3 Mar · In progress: 0</title>');
	});
});

describe('Histogram', () => {
	it('draws a bar per bin and a line per marker', () => {
		const body = html(Histogram, {
			props: {
				bins: [
					{ label: '1 wk', count: 2 },
					{ label: '2 wk', count: 5 },
					{ label: '3 wk', count: 1 }
				],
				markers: [
					{ label: 'P50', index: 1 },
					{ label: 'P85', index: 2 },
					{ label: 'P95', index: 2 }
				]
			}
		});
		expect(count(body, /<rect class="bar/g)).toBe(3);
		expect(attr(body, 'aria-label')).toBe(
			'Histogram of 8 in 3 bins, 1 wk to 3 wk; most in 2 wk (5); P50 at 2 wk, P85 at 3 wk, P95 at 3 wk.'
		);
		expect(body.match(/>P\d\d<\/text>/g)).toEqual(['>P50</text>', '>P85</text>', '>P95</text>']);
	});
});

describe('ChartCard', () => {
	it('shows the chart with its toggle and export buttons', () => {
		const body = html(ChartCard, {
			props: {
				title: 'Hours by project',
				subtitle: 'This week',
				table: { header: ['Project', 'Hours'], rows: [['Website', 4]] },
				children: createRawSnippet(() => ({ render: () => '<svg role="img"></svg>' }))
			}
		});
		expect(body).toContain('data-testid="chart-card"');
		expect(body).toContain('<svg role="img"></svg>');
		expect(body).toMatch(/<button[^>]*aria-pressed="false"[^>]*>Table<\/button>/);
		expect(count(body, /<button type="button"/g)).toBe(3);
		expect(body).not.toContain('chart-table');
	});
});

describe('empty data', () => {
	it('still renders an accessible, empty chart', () => {
		const series = [{ name: 'Done', values: [] }];
		for (const body of [
			html(BarChart, { props: { labels: [], series } }),
			html(LineChart, { props: { labels: [], series, stacked: true } }),
			html(Histogram, { props: { bins: [] } })
		]) {
			expect(attr(body, 'aria-label')).toMatch(/: no data\.$/);
			expect(body).not.toMatch(/NaN|Infinity/);
		}
	});
});
