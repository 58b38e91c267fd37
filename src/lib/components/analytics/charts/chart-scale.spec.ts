import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	bandLayout,
	categoryAxis,
	clip,
	definedRuns,
	integerTicks,
	legendLayout,
	linear,
	linePath,
	niceTicks,
	PALETTE,
	PALETTE_STYLE,
	seriesColor,
	slugify,
	stackSeries,
	summarize,
	toCsv,
	valueTicks,
	xLabelLayout
} from './chart-scale';

describe('niceTicks', () => {
	it('uses 1/2/5 steps from 0 when the data is not negative', () => {
		// 100 / 5 = 20 → step 20.
		expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
		// 7 / 5 = 1.4 → step 2, last tick 8 ≥ 7.
		expect(niceTicks(0, 7)).toEqual([0, 2, 4, 6, 8]);
		// min 3 ≥ 0, so the axis still starts at 0.
		expect(niceTicks(3, 7)).toEqual([0, 2, 4, 6, 8]);
		// 12345 / 5 = 2469 → step 5000.
		expect(niceTicks(0, 12345)).toEqual([0, 5000, 10000, 15000]);
		// 10 / 3 = 3.33 → step 5.
		expect(niceTicks(0, 10, 3)).toEqual([0, 5, 10]);
	});

	it('gives clean decimals', () => {
		// 1 / 5 = 0.2 → step 0.2 (no 0.6000000000000001).
		expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		// 0.3 / 5 = 0.06 → step 0.1.
		expect(niceTicks(0, 0.3)).toEqual([0, 0.1, 0.2, 0.3]);
	});

	it('covers negative ranges', () => {
		// span 11 / 5 = 2.2 → step 5: floor(-3/5) = -1, ceil(8/5) = 2.
		expect(niceTicks(-3, 8)).toEqual([-5, 0, 5, 10]);
		// span 4 / 5 = 0.8 → step 1; an all-negative range need not reach 0.
		expect(niceTicks(-5, -1)).toEqual([-5, -4, -3, -2, -1]);
	});

	it('handles swapped, empty and invalid ranges', () => {
		expect(niceTicks(10, 2)).toEqual([0, 2, 4, 6, 8, 10]);
		expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		expect(niceTicks(-2, -2)).toEqual([-2, -1.8, -1.6, -1.4, -1.2, -1]);
		expect(niceTicks(0, NaN)).toEqual([0, 1]);
		expect(niceTicks(0, Infinity)).toEqual([0, 1]);
	});
});

describe('integerTicks', () => {
	it('never steps by less than 1', () => {
		expect(integerTicks(0, 0)).toEqual([0, 1]);
		// 2 / 5 = 0.4 → step 0.5 → whole numbers 0..2.
		expect(integerTicks(0, 2)).toEqual([0, 1, 2]);
		expect(integerTicks(0, 7)).toEqual([0, 2, 4, 6, 8]);
	});
});

describe('linear', () => {
	it('maps the domain onto the range, inverted ranges too', () => {
		const y = linear([0, 10], [200, 0]);
		expect([y(0), y(5), y(10), y(12)]).toEqual([200, 100, 0, -40]);
		const x = linear([-5, 5], [10, 110]);
		expect([x(-5), x(0), x(2.5)]).toEqual([10, 60, 85]);
	});

	it('maps a zero-width domain to the middle', () => {
		expect(linear([3, 3], [0, 100])(3)).toBe(50);
	});
});

describe('bandLayout', () => {
	it('splits the gap either side of each band', () => {
		// 4 slots of 100: band 80, 10 either side.
		const { x, band } = bandLayout(4, 400);
		expect(band).toBe(80);
		expect([x(0), x(1), x(3)]).toEqual([10, 110, 310]);
		const tight = bandLayout(3, 300, 0);
		expect([tight.band, tight.x(2)]).toEqual([100, 200]);
	});

	it('copes with no bands', () => {
		const { x, band } = bandLayout(0, 300);
		expect([band, x(0)]).toEqual([0, 0]);
	});
});

describe('linePath', () => {
	it('moves to the first point and draws lines to the rest', () => {
		expect(linePath([])).toBe('');
		expect(linePath([[1 / 3, 2]])).toBe('M0.33,2');
		expect(
			linePath([
				[0, 10],
				[5.5, 20],
				[10.125, -1]
			])
		).toBe('M0,10L5.5,20L10.13,-1');
	});
});

describe('stackSeries', () => {
	it('gives each series its cumulative lower and upper bounds', () => {
		expect(
			stackSeries([
				[1, 2],
				[3, 0],
				[2, 5]
			])
		).toEqual([
			[
				[0, 1],
				[0, 2]
			],
			[
				[1, 4],
				[2, 2]
			],
			[
				[4, 6],
				[2, 7]
			]
		]);
	});

	it('stacks negatives down from 0 and fills short series with 0', () => {
		expect(stackSeries([[2, -1], [3, -2], [4]])).toEqual([
			[
				[0, 2],
				[-1, 0]
			],
			[
				[2, 5],
				[-3, -1]
			],
			[
				[5, 9],
				[0, 0]
			]
		]);
		expect(stackSeries([])).toEqual([]);
	});
});

describe('definedRuns', () => {
	it('splits at nulls', () => {
		expect(definedRuns([1, null, 2, 3, null, null, 4])).toEqual([[0], [2, 3], [6]]);
		expect(definedRuns([null, null])).toEqual([]);
	});
});

describe('xLabelLayout', () => {
	it('keeps labels flat while the longest fits', () => {
		// 'Mon' = 3 × 6 + 6 = 24 ≤ 30.
		expect(xLabelLayout(['Mon', 'Tue'], 30)).toEqual({
			rotate: false,
			every: 1,
			maxChars: 3,
			margin: 20,
			overhang: 9
		});
	});

	it('thins short labels and rotates long ones', () => {
		// 'Mar 10' = 6 × 6 + 6 = 42 px over a 10 px step → every 5th.
		expect(xLabelLayout(['Mar 9', 'Mar 10'], 10).every).toBe(5);
		// 24 chars, cut to 14: 14 × 6 × 0.71 = 59.6 → 60 (+ 16 below, + 10 left); 20 / 8 → every 3rd.
		expect(xLabelLayout(['A very long project name', 'x'], 8)).toEqual({
			rotate: true,
			every: 3,
			maxChars: 14,
			margin: 76,
			overhang: 70
		});
	});

	it('leaves room for the first and last labels', () => {
		// step (300 − 12 − 18) / 2 = 135: flat, overhang 9 < 67.5, so the minimum margins.
		expect(categoryAxis(['Mon', 'Tue'], 300, 12)).toMatchObject({ left: 22, right: 292 });
		// step (360 − 24 − 18) / 10 = 31.8: rotated, left 70 − 15.9 = 54.1 > 24 + 10.
		const rotated = categoryAxis(Array(10).fill('Website redesign'), 360, 24);
		expect(rotated.layout).toMatchObject({ rotate: true, every: 1, maxChars: 14 });
		expect(rotated.left).toBeCloseTo(54.1);
		expect(rotated.right).toBe(352);
	});

	it('clips with an ellipsis', () => {
		expect(clip('Website', 10)).toBe('Website');
		expect(clip('Website redesign', 8)).toBe('Website…');
	});
});

describe('legendLayout', () => {
	it('wraps items onto new rows', () => {
		// Item width 18 + 6n + 14: 'Todo' 56, 'In progress' 98, 'Done' 56.
		expect(legendLayout(['Todo', 'In progress', 'Done'], 200)).toEqual({
			items: [
				{ x: 0, y: 0 },
				{ x: 56, y: 0 },
				{ x: 0, y: 18 }
			],
			height: 42
		});
		expect(legendLayout([], 200).height).toBe(0);
	});
});

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
	const n = parseInt(hex.slice(1), 16);
	const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((c) => {
		const v = c / 255;
		return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
};

describe('palette', () => {
	it('has ≥ 3:1 contrast against the surfaces in both themes (read from app.css)', () => {
		const css = readFileSync(new URL('../../../../app.css', import.meta.url), 'utf8');
		const token = (name: string) => {
			const m = new RegExp(`--${name}: light-dark\\((#[0-9a-f]{6}), (#[0-9a-f]{6})\\)`).exec(css);
			if (!m) throw new Error(`--${name} not found`);
			return [m[1]!, m[2]!] as const;
		};
		for (const surface of [token('surface'), token('surface-2')]) {
			for (const [light, dark] of PALETTE) {
				expect(contrast(light, surface[0])).toBeGreaterThanOrEqual(3);
				expect(contrast(dark, surface[1])).toBeGreaterThanOrEqual(3);
			}
		}
	});

	it('is exposed as light-dark() custom properties and repeats', () => {
		expect(PALETTE_STYLE).toMatch(/^--chart-1: light-dark\(#2458d6, #6b98ff\); --chart-2:/);
		expect(seriesColor(0)).toBe('var(--chart-1)');
		expect(seriesColor(PALETTE.length)).toBe('var(--chart-1)');
		expect(seriesColor(1, 'var(--ok)')).toBe('var(--ok)');
	});
});

describe('slugify', () => {
	it('makes a file name from a title', () => {
		expect(slugify('Hours by project')).toBe('hours-by-project');
		expect(slugify('  Café: P85 / week!  ')).toBe('cafe-p85-week');
		expect(slugify('???')).toBe('chart');
	});
});

describe('toCsv', () => {
	it('quotes per RFC 4180 and ends every line in CRLF', () => {
		expect(
			toCsv(
				['Project', 'Hours'],
				[
					['Web, "new"', 12.5],
					['Line\nbreak', -3],
					['Plain', 0]
				]
			)
		).toBe('Project,Hours\r\n"Web, ""new""",12.5\r\n"Line\nbreak",-3\r\nPlain,0\r\n');
	});

	it('guards text that a spreadsheet would run as a formula, not numbers', () => {
		expect(toCsv(['a', 'b'], [['=SUM(A1)', -1]])).toBe("a,b\r\n'=SUM(A1),-1\r\n");
		expect(toCsv(['x'], [])).toBe('x\r\n');
	});

	it('guards every line of multi-line text and text after leading spaces, not numbers', () => {
		expect(
			toCsv(
				['Project', 'Hours'],
				[
					['=1+1\nsecond', -1.5],
					['Web\n@SUM(A1)', 2],
					[' +cmd, "x"', -5]
				]
			)
		).toBe(
			'Project,Hours\r\n' +
				`"'=1+1\nsecond",-1.5\r\n` +
				`"Web\n'@SUM(A1)",2\r\n` +
				`"' +cmd, ""x""",-5\r\n`
		);
	});
});

describe('valueTicks', () => {
	it('always reaches 0 and uses whole steps for counts', () => {
		expect(valueTicks([3, 1, 2])).toEqual([0, 1, 2, 3]);
		// 12.5 / 5 = 2.5 → step 5 (not whole data, so niceTicks).
		expect(valueTicks([12.5, 4])).toEqual([0, 5, 10, 15]);
		// span 10 / 5 = 2 → step 2.
		expect(valueTicks([-4, 6])).toEqual([-4, -2, 0, 2, 4, 6]);
		expect(valueTicks([])).toEqual([0, 1]);
	});
});

describe('summarize', () => {
	const fmt = (v: number) => `${v} h`;
	it('names the series, the span and the peak', () => {
		expect(
			summarize(
				'Bar chart',
				'categories',
				['Web', 'App', 'Ops'],
				[{ name: 'Hours', values: [4, 12, 7] }],
				fmt
			)
		).toBe('Bar chart of Hours: 3 categories, Web to Ops; highest 12 h (App).');
		expect(
			summarize(
				'Line chart',
				'days',
				['Mon', 'Tue'],
				[
					{ name: 'Done', values: [1, null] },
					{ name: 'Open', values: [null, 5] }
				],
				fmt
			)
		).toBe('Line chart of Done, Open: 2 days, Mon to Tue; highest 5 h (Open, Tue).');
		expect(summarize('Bar chart', 'categories', [], [{ name: 'Hours', values: [] }], fmt)).toBe(
			'Bar chart of Hours: no data.'
		);
	});
});
