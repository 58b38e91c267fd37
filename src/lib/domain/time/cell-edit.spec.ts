import { describe, expect, it } from 'vitest';
import { planCellEdit } from './cell-edit';
import { timeEntry } from './time-fixtures';

/** A finished entry in the cell, counting `minutes`. */
const entry = (minutes: number, id = 'time:A') =>
	timeEntry({
		_id: id,
		start: '2026-11-16T09:00:00+01:00',
		end: '2026-11-16T10:00:00+01:00',
		minutes
	});

describe('planCellEdit', () => {
	it('adds an entry to an empty cell', () => {
		expect(planCellEdit([], '1h30')).toEqual({ kind: 'add', minutes: 90 });
		expect(planCellEdit([], '')).toEqual({ kind: 'none' });
	});

	it('resizes or deletes the only entry', () => {
		const one = entry(60);
		expect(planCellEdit([one], '2')).toEqual({ kind: 'resize', entry: one, minutes: 120 });
		expect(planCellEdit([one], '1:00')).toEqual({ kind: 'none' });
		expect(planCellEdit([one], ' ')).toEqual({ kind: 'delete', entry: one });
		expect(planCellEdit([one], '0')).toEqual({ kind: 'delete', entry: one });
	});

	it('leaves cells with several entries to the entry list', () => {
		const two = [entry(30), entry(45, 'time:B')];
		expect(planCellEdit(two, '2h')).toMatchObject({ kind: 'error', message: /2 entries/ });
		expect(planCellEdit(two, '')).toMatchObject({ kind: 'error' });
		expect(planCellEdit(two, '1h15')).toEqual({ kind: 'none' });
	});

	it('explains unreadable durations', () => {
		expect(planCellEdit([], 'lots')).toMatchObject({ kind: 'error', message: /1h30/ });
		expect(planCellEdit([], '25h')).toMatchObject({ kind: 'error', message: /24 hours/ });
	});
});
