import { describe, expect, it } from 'vitest';
import {
	grandTotal,
	rateFor,
	rowsFromView,
	summarize,
	weekGrid,
	type Rates,
	type TimeRow
} from './time-totals';
import { weekDays } from './zoned-time';

const row = (
	day: string,
	user: string,
	project: string,
	task: string,
	m: number,
	b = m
): TimeRow => ({
	day,
	user,
	project,
	task,
	minutes: m,
	billableMinutes: b
});

describe('rowsFromView', () => {
	it('reads day-first and user-first keys', () => {
		const view = [{ key: ['2026-11-16', 'alice', 'P1', 'T1'], value: [90, 60] }];
		const expected = [row('2026-11-16', 'alice', 'P1', 'T1', 90, 60)];
		expect(rowsFromView(view, 'day-first')).toEqual(expected);
		const userFirst = [{ key: ['alice', '2026-11-16', 'P1', 'T1'], value: [90, 60] }];
		expect(rowsFromView(userFirst, 'user-first')).toEqual(expected);
	});

	it('fills missing parts with empty strings and zeros', () => {
		expect(rowsFromView([{ key: ['2026-11-16'], value: [5] }], 'day-first')).toEqual([
			row('2026-11-16', '', '', '', 5, 0)
		]);
	});
});

describe('weekGrid', () => {
	const days = weekDays('2026-11-16');
	const rows = [
		row('2026-11-18', 'alice', 'P2', 'T3', 30),
		row('2026-11-16', 'alice', 'P1', 'T1', 90),
		row('2026-11-16', 'bob', 'P1', 'T2', 15),
		row('2026-11-22', 'alice', 'P1', 'T1', 60),
		row('2026-11-23', 'alice', 'P1', 'T1', 999),
		row('2026-11-15', 'alice', 'P3', 'T9', 45)
	];

	it('sums minutes per row and day, ignoring days outside the week', () => {
		expect(weekGrid(rows, days, (r) => r.project)).toEqual({
			rows: [
				{ key: 'P1', cells: [105, 0, 0, 0, 0, 0, 60], total: 165 },
				{ key: 'P2', cells: [0, 0, 30, 0, 0, 0, 0], total: 30 }
			],
			dayTotals: [105, 0, 30, 0, 0, 0, 60],
			total: 195
		});
	});

	it('sorts rows by key whatever the input order', () => {
		const keys = (rs: TimeRow[]) => weekGrid(rs, days, (r) => `${r.user}/${r.task}`).rows;
		const forward = keys(rows).map((r) => r.key);
		expect(forward).toEqual(['alice/T1', 'alice/T3', 'bob/T2']);
		expect(keys([...rows].reverse()).map((r) => r.key)).toEqual(forward);
	});

	it('is empty without rows', () => {
		expect(weekGrid([], days, (r) => r.task)).toEqual({
			rows: [],
			dayTotals: [0, 0, 0, 0, 0, 0, 0],
			total: 0
		});
	});
});

const rates: Rates = {
	projectRate: (p) => ({ P1: 100, P2: 60 })[p] ?? null,
	memberRate: (p, u) => (p === 'P1' && u === 'bob' ? 120 : p === 'P2' && u === 'carol' ? 0 : null)
};

describe('rateFor', () => {
	it('prefers the member override, even 0, then the project rate, then 0', () => {
		expect(rateFor(rates, 'P1', 'bob')).toBe(120);
		expect(rateFor(rates, 'P1', 'alice')).toBe(100);
		expect(rateFor(rates, 'P2', 'carol')).toBe(0);
		expect(rateFor(rates, 'P3', 'alice')).toBe(0);
	});
});

describe('summarize and grandTotal', () => {
	const rows = [
		row('2026-11-16', 'alice', 'P1', 'T1', 90),
		row('2026-11-17', 'alice', 'P1', 'T2', 30, 0),
		row('2026-11-16', 'bob', 'P1', 'T1', 45),
		row('2026-11-18', 'bob', 'P2', 'T3', 20),
		row('2026-11-18', 'alice', 'P3', 'T4', 120),
		row('2026-11-19', 'bob', 'P1', 'T1', 5)
	];

	it('groups by project, pricing each member at their own rate', () => {
		expect(summarize(rows, rates, 'project')).toEqual([
			{ key: 'P1', minutes: 170, billableMinutes: 140, amount: 250 },
			{ key: 'P3', minutes: 120, billableMinutes: 120, amount: 0 },
			{ key: 'P2', minutes: 20, billableMinutes: 20, amount: 20 }
		]);
		expect(grandTotal(summarize(rows, rates, 'project'))).toEqual({
			minutes: 310,
			billableMinutes: 280,
			amount: 270
		});
	});

	it('groups by user', () => {
		expect(summarize(rows, rates, 'user')).toEqual([
			{ key: 'alice', minutes: 240, billableMinutes: 210, amount: 150 },
			{ key: 'bob', minutes: 70, billableMinutes: 70, amount: 120 }
		]);
	});

	it('rounds once per (project, user), sums exact cents, and breaks ties by key', () => {
		const cheap: Rates = { projectRate: () => 6, memberRate: (p) => (p === 'P9' ? 0.3 : null) };
		const small = [
			row('2026-11-16', 'bob', 'P9', 'T1', 1),
			row('2026-11-17', 'bob', 'P9', 'T1', 1),
			row('2026-11-16', 'alice', 'P2', 'T1', 1),
			row('2026-11-16', 'bob', 'P2', 'T1', 1, 2)
		];
		// P9: 2 min at 0.30 = 0.01 (not 0.005 + 0.005 rounded separately = 0.02).
		// P2: 0.10 + 0.20 = 0.30 exactly, not 0.30000000000000004.
		expect(summarize(small, cheap, 'project')).toEqual([
			{ key: 'P2', minutes: 2, billableMinutes: 3, amount: 0.3 },
			{ key: 'P9', minutes: 2, billableMinutes: 2, amount: 0.01 }
		]);
		expect(grandTotal(summarize(small, cheap, 'project')).amount).toBe(0.31);
	});

	it('totals nothing as zero', () => {
		expect(summarize([], rates, 'user')).toEqual([]);
		expect(grandTotal([])).toEqual({ minutes: 0, billableMinutes: 0, amount: 0 });
	});
});
