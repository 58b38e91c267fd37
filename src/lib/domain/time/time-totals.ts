/**
 * Totals of tracked time: rows from the `time_by_day` view, week grids, and billable
 * amounts. Money is in the workspace's currency units (e.g. euros), rounded to cents.
 */

/** One grouped row of the `time_by_day` view: minutes of one user on one task on one day. */
export type TimeRow = {
	day: string;
	user: string;
	project: string;
	task: string;
	minutes: number;
	billableMinutes: number;
};

/**
 * View rows as {@link TimeRow}s. `day-first` keys are `[day, user, project, task]`,
 * `user-first` keys `[user, day, project, task]`; values are `[minutes, billableMinutes]`.
 */
export function rowsFromView(
	rows: readonly { key: unknown[]; value: [number, number] | number[] }[],
	order: 'day-first' | 'user-first'
): TimeRow[] {
	const text = (v: unknown): string =>
		typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
	return rows.map(({ key, value }) => {
		const [a, b, project, task] = key.map(text);
		return {
			day: (order === 'day-first' ? a : b) ?? '',
			user: (order === 'day-first' ? b : a) ?? '',
			project: project ?? '',
			task: task ?? '',
			minutes: value[0] ?? 0,
			billableMinutes: value[1] ?? 0
		};
	});
}

/** Minutes per row per day of a week (or any list of days), with row and day totals. */
export type WeekGrid = {
	rows: { key: string; cells: number[]; total: number }[];
	dayTotals: number[];
	total: number;
};

/**
 * Sum `rows` into a grid: one row per distinct `rowKey`, one cell per entry of `days`.
 * Rows on days not in `days` are ignored (a key seen only on such days gets no row). Rows
 * are sorted by key (code-unit order, the same on every device), so they do not move
 * around as totals change.
 */
export function weekGrid(
	rows: readonly TimeRow[],
	days: readonly string[],
	rowKey: (r: TimeRow) => string
): WeekGrid {
	const column = new Map(days.map((day, i) => [day, i]));
	const byKey = new Map<string, number[]>();
	const dayTotals = days.map(() => 0);
	for (const row of rows) {
		const i = column.get(row.day);
		if (i === undefined) continue;
		const key = rowKey(row);
		let cells = byKey.get(key);
		if (!cells) byKey.set(key, (cells = days.map(() => 0)));
		cells[i] = (cells[i] ?? 0) + row.minutes;
		dayTotals[i] = (dayTotals[i] ?? 0) + row.minutes;
	}
	const gridRows = [...byKey]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([key, cells]) => ({ key, cells, total: cells.reduce((s, m) => s + m, 0) }));
	return { rows: gridRows, dayTotals, total: dayTotals.reduce((s, m) => s + m, 0) };
}

/** Hourly rates: a project's rate, and a member's override on a project (null = none). */
export type Rates = {
	projectRate: (project: string) => number | null;
	memberRate: (project: string, user: string) => number | null;
};

/** The hourly rate for `user` on `project`: their override, else the project's, else 0. */
export function rateFor(rates: Rates, project: string, user: string): number {
	return rates.memberRate(project, user) ?? rates.projectRate(project) ?? 0;
}

/**
 * `value` rounded to cents, half away from zero. Float noise below the 12th significant
 * digit is removed first, so 0.505 (really 0.50499999…) rounds to 0.51 as written.
 */
export function roundCents(value: number): number {
	const cents = Number((Math.abs(value) * 100).toPrecision(12));
	const rounded = Math.floor(cents + 0.5) / 100;
	return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** The cost of `minutes` at an hourly `rate`, rounded to cents (half away from zero). */
export const amount = (minutes: number, rate: number): number => roundCents((minutes * rate) / 60);

/** Tracked time and billable amount of one project or one member. */
export type TimeSummary = { key: string; minutes: number; billableMinutes: number; amount: number };

const zero = (key: string): TimeSummary => ({ key, minutes: 0, billableMinutes: 0, amount: 0 });

/**
 * Totals per project or per user. `amount` is the sum, over each (project, user) pair in
 * the group, of that pair's billable minutes at that pair's rate (rounded per pair). Sorted
 * by minutes, most first, then by key.
 */
export function summarize(
	rows: readonly TimeRow[],
	rates: Rates,
	by: 'project' | 'user'
): TimeSummary[] {
	type Group = TimeSummary & { pairs: Map<string, TimeRow> };
	const groups = new Map<string, Group>();
	for (const row of rows) {
		const key = by === 'project' ? row.project : row.user;
		const g: Group = groups.get(key) ?? { ...zero(key), pairs: new Map() };
		groups.set(key, g);
		g.minutes += row.minutes;
		g.billableMinutes += row.billableMinutes;
		const pairKey = JSON.stringify([row.project, row.user]);
		const pair = g.pairs.get(pairKey) ?? { ...row, billableMinutes: 0 };
		pair.billableMinutes += row.billableMinutes;
		g.pairs.set(pairKey, pair);
	}
	return [...groups.values()]
		.map(({ pairs, ...g }) => {
			let cents = 0;
			for (const p of pairs.values()) {
				cents += Math.round(amount(p.billableMinutes, rateFor(rates, p.project, p.user)) * 100);
			}
			return { ...g, amount: cents / 100 };
		})
		.sort((a, b) => b.minutes - a.minutes || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The sum of a summary's minutes, billable minutes and amounts (exact to the cent). */
export function grandTotal(summary: readonly TimeSummary[]): Omit<TimeSummary, 'key'> {
	let minutes = 0;
	let billableMinutes = 0;
	let cents = 0;
	for (const s of summary) {
		minutes += s.minutes;
		billableMinutes += s.billableMinutes;
		cents += Math.round(s.amount * 100);
	}
	return { minutes, billableMinutes, amount: cents / 100 };
}
