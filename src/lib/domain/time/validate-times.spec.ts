import { describe, expect, it } from 'vitest';
import { validateTimes } from './time-entry-ops';
import { timeEntry } from './time-fixtures';

/** alice's timer, running since 08:15 (+01:00). */
const running = timeEntry();
const now = Date.parse('2026-11-16T09:00:00+01:00');
const day = (t: string) => `2026-11-16T${t}:00+01:00`;

describe('validateTimes', () => {
	it('accepts an ordinary entry', () => {
		expect(validateTimes(day('07:00'), day('08:00'), { running, now })).toBeNull();
		expect(validateTimes(day('07:00'), day('08:00'))).toBeNull();
	});

	it('needs the end after the start', () => {
		expect(validateTimes(day('08:00'), day('08:00'))).toBe('End must be after start');
		expect(validateTimes(day('08:00'), day('07:59'))).toBe('End must be after start');
		// 09:00+01:00 is 08:00Z: equal instants, different offsets.
		expect(validateTimes(day('09:00'), '2026-11-16T08:00:00Z')).toBe('End must be after start');
	});

	it('allows at most 24 hours', () => {
		expect(validateTimes(day('08:00'), '2026-11-17T08:00:00+01:00')).toBeNull();
		expect(validateTimes(day('08:00'), '2026-11-17T08:01:00+01:00')).toBe(
			'A time entry cannot be longer than 24 hours'
		);
	});

	it('refuses a start more than a minute in the future', () => {
		expect(validateTimes('2026-11-16T09:01:00+01:00', day('10:00'), { now })).toBeNull();
		expect(validateTimes('2026-11-16T09:01:01+01:00', day('10:00'), { now })).toBe(
			'Start cannot be in the future'
		);
		expect(validateTimes('2026-11-16T09:01:01+01:00', day('10:00'))).toBeNull();
	});

	it('refuses overlap with the running timer, showing its start as written', () => {
		const msg = 'Overlaps your running timer (started 08:15)';
		expect(validateTimes(day('08:00'), day('08:30'), { running, now })).toBe(msg);
		expect(validateTimes(day('08:20'), day('08:40'), { running, now })).toBe(msg);
		expect(validateTimes(day('08:00'), null, { running, now })).toBe(msg);
		const inNewYork = { ...running, start: '2026-11-16T02:15:00-05:00' };
		expect(validateTimes(day('08:00'), day('08:30'), { running: inNewYork, now })).toBe(
			'Overlaps your running timer (started 02:15)'
		);
	});

	it('allows entries that only touch the running span [start, now)', () => {
		expect(validateTimes(day('07:00'), day('08:15'), { running, now })).toBeNull();
		expect(validateTimes(day('09:00'), day('09:30'), { running, now: now + 30_000 })).toBe(
			'Overlaps your running timer (started 08:15)'
		);
		expect(validateTimes(day('09:00'), day('09:30'), { running, now })).toBeNull();
	});

	it('treats the running span as open-ended without now', () => {
		expect(validateTimes(day('10:00'), day('11:00'), { running })).toBe(
			'Overlaps your running timer (started 08:15)'
		);
	});

	it('does not compare the running timer with itself or a stopped entry', () => {
		const opts = { running, now, selfId: running._id };
		expect(validateTimes(day('08:00'), day('08:30'), opts)).toBeNull();
		const stopped = { ...running, end: day('08:45') };
		expect(validateTimes(day('08:00'), day('08:30'), { running: stopped, now })).toBeNull();
		expect(validateTimes(day('08:00'), day('08:30'), { running: null, now })).toBeNull();
	});

	it('reports unreadable times', () => {
		expect(validateTimes('yesterday', day('08:00'))).toBe('Start is not a valid time');
		expect(validateTimes(day('08:00'), 'soon')).toBe('End is not a valid time');
	});
});
