import { describe, expect, it } from 'vitest';
import { timeEntrySchema } from '../schemas/time-entry.schema';
import { entryMinutes, manualEntry, newTimeEntryId, startTimer, stopTimer } from './time-entry-ops';
import { at, startedTimer, T0 } from './time-fixtures';

const { task, project, running } = startedTimer();

describe('newTimeEntryId', () => {
	it('is time:<ULID>, unique', () => {
		const a = newTimeEntryId();
		expect(a).toMatch(/^time:[0-9A-HJKMNP-TV-Z]{26}$/);
		expect(newTimeEntryId()).not.toBe(a);
	});
});

describe('startTimer', () => {
	it('builds a valid running entry stamped in the user zone', () => {
		expect(running).toMatchObject({
			type: 'time',
			user: 'alice',
			task,
			project,
			start: '2026-11-16T09:05:30+01:00',
			end: null,
			minutes: 0,
			note: '',
			billable: true,
			createdBy: 'alice',
			createdAt: '2026-11-16T08:05:30.500Z',
			updatedAt: '2026-11-16T08:05:30.500Z'
		});
		expect(timeEntrySchema.safeParse(running).success).toBe(true);
	});

	it('keeps a note', () => {
		const e = startTimer({
			user: 'bob',
			task,
			project,
			now: T0,
			tz: 'UTC',
			billable: false,
			note: 'x'
		});
		expect([e.note, e.start, e.billable]).toEqual(['x', '2026-11-16T08:05:30+00:00', false]);
	});
});

describe('stopTimer', () => {
	it('rounds to whole minutes (90 min 29 s → 90, 90 min 30 s → 91)', () => {
		const a = stopTimer(running, at('2026-11-16T09:35:59.999Z'), 'Europe/Berlin');
		expect([a.end, a.minutes, a.updatedAt]).toEqual([
			'2026-11-16T10:35:59+01:00',
			90,
			'2026-11-16T09:35:59.999Z'
		]);
		expect(timeEntrySchema.safeParse(a).success).toBe(true);
		expect(stopTimer(running, at('2026-11-16T09:36:00Z'), 'Europe/Berlin').minutes).toBe(91);
	});

	it('writes the end in the zone the user is in now', () => {
		const e = stopTimer(running, at('2026-11-16T09:35:59Z'), 'America/New_York');
		expect([e.end, e.minutes]).toEqual(['2026-11-16T04:35:59-05:00', 90]);
	});

	it('counts real minutes across a DST change (02:30 CEST to 02:30 CET is an hour)', () => {
		const t = startTimer({
			user: 'alice',
			task,
			project,
			now: at('2026-10-25T00:30:00Z'),
			tz: 'Europe/Berlin',
			billable: true
		});
		const e = stopTimer(t, at('2026-10-25T01:30:00Z'), 'Europe/Berlin');
		expect([t.start, e.end, e.minutes]).toEqual([
			'2026-10-25T02:30:00+02:00',
			'2026-10-25T02:30:00+01:00',
			60
		]);
	});

	it('never ends before the start when this clock is behind', () => {
		const e = stopTimer(running, T0 - 5 * 60_000, 'Europe/Berlin');
		expect([e.end, e.minutes]).toEqual(['2026-11-16T09:05:30+01:00', 0]);
	});

	it('stops a run longer than a day with its real length', () => {
		expect(stopTimer(running, T0 + 25 * 3_600_000, 'Europe/Berlin').minutes).toBe(1500);
	});

	it('leaves a stopped entry alone', () => {
		const stopped = stopTimer(running, T0 + 60_000, 'UTC');
		expect(stopTimer(stopped, T0 + 600_000, 'UTC')).toBe(stopped);
	});
});

describe('entryMinutes and manualEntry', () => {
	it('compares instants, whatever the offsets', () => {
		expect(entryMinutes('2026-11-16T09:00:00+01:00', '2026-11-16T10:30:00+01:00')).toBe(90);
		expect(entryMinutes('2026-11-16T09:00:00+01:00', '2026-11-16T03:30:00-05:00')).toBe(30);
		expect(entryMinutes('2026-11-16T09:00:00+01:00', '2026-11-16T08:00:00Z')).toBe(0);
	});

	it('builds a finished entry', () => {
		const e = manualEntry({
			user: 'alice',
			task,
			project,
			start: '2026-11-16T09:00:00+01:00',
			end: '2026-11-16T09:45:00+01:00',
			note: 'Review',
			billable: false,
			now: at('2026-11-17T12:00:00Z')
		});
		expect(e).toMatchObject({ minutes: 45, note: 'Review', createdAt: '2026-11-17T12:00:00.000Z' });
		expect(e._id).toMatch(/^time:/);
		expect(timeEntrySchema.safeParse(e).success).toBe(true);
	});
});
