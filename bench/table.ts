/** The one table `npm run bench` prints: a row per figure, with its target and verdict. */
import type { Summary } from './support/stats';

export type Verdict = 'meets' | 'misses' | 'n/a';

export interface Row {
	/** Scenario number and short name, e.g. `2 local commit`. */
	scenario: string;
	figure: string;
	/** Unit of median and p95 (`ms`, `docs/s`, `MB`, …). */
	unit: string;
	median?: number;
	p95?: number;
	target?: string;
	verdict: Verdict;
	/** Median of this figure divided by the median of a baseline run in the same process. */
	ratio?: number;
	note?: string;
}

/** A row for a scenario whose feature is not built (or could not run). */
export const notAvailable = (scenario: string, why: string): Row => ({
	scenario,
	figure: 'not available',
	unit: '',
	verdict: 'n/a',
	note: why
});

/** Verdict from `ok` (undefined when there is no target or no figure). */
export const verdict = (ok: boolean | undefined): Verdict =>
	ok === undefined ? 'n/a' : ok ? 'meets' : 'misses';

/** A row from samples, with the stats the target names checked by `meets`. */
export function sampleRow(
	base: Omit<Row, 'median' | 'p95' | 'verdict'>,
	s: Summary,
	meets?: (s: Summary) => boolean
): Row {
	const empty = s.n === 0;
	return {
		...base,
		median: s.median,
		p95: s.p95,
		verdict: verdict(empty || !meets ? undefined : meets(s)),
		note: [`n=${s.n}`, base.note].filter(Boolean).join('; ')
	};
}

function num(x: number | undefined, unit: string): string {
	if (x === undefined || Number.isNaN(x)) return '—';
	const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
	return `${x.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

/** The table as aligned plain text (Markdown pipe syntax, so it pastes into an issue). */
export function formatTable(rows: Row[]): string {
	const head = [
		'#',
		'scenario',
		'figure',
		'median',
		'p95',
		'target',
		'verdict',
		'vs baseline',
		'note'
	];
	const cells = rows.map((r) => {
		const [n, ...name] = r.scenario.split(' ');
		return [
			n ?? '',
			name.join(' '),
			r.figure,
			num(r.median, r.unit),
			num(r.p95, r.unit),
			r.target ?? '—',
			r.verdict,
			r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
			r.note ?? ''
		];
	});
	const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
	const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
	return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
