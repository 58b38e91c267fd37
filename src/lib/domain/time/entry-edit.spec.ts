import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../schemas/time-entry.schema';
import { applyEntryPatch, elapsedMs, runningTimers, stopTimer } from './time-entry-ops';
import { at, startedTimer } from './time-fixtures';

const { running } = startedTimer();

describe('runningTimers and elapsedMs', () => {
	const entry = (id: string, user: string, start: string, end: string | null): TimeEntry => ({
		...running,
		_id: id,
		user,
		start,
		end
	});
	const list = [
		entry('time:A', 'alice', '2026-11-16T08:00:00+01:00', null),
		entry('time:B', 'alice', '2026-11-16T07:30:00Z', null),
		entry('time:C', 'alice', '2026-11-16T09:00:00+01:00', '2026-11-16T10:00:00+01:00'),
		entry('time:D', 'bob', '2026-11-16T10:00:00+01:00', null)
	];

	it("lists the user's running timers, newest start first", () => {
		expect(runningTimers(list, 'alice').map((e) => e._id)).toEqual(['time:B', 'time:A']);
		expect(runningTimers(list, 'carol')).toEqual([]);
	});

	it('measures a running timer up to now and a finished one by its end', () => {
		expect(elapsedMs(list[0]!, at('2026-11-16T07:00:07Z'))).toBe(7_000);
		expect(elapsedMs(list[0]!, at('2026-11-16T06:00:00Z'))).toBe(0);
		expect(elapsedMs(list[2]!, at('2026-11-20T00:00:00Z'))).toBe(3_600_000);
	});
});

describe('applyEntryPatch', () => {
	const done = stopTimer(running, at('2026-11-16T09:35:30Z'), 'Europe/Berlin');
	const later = at('2026-11-18T10:00:00Z');

	it('recomputes minutes when the times change, and stamps updatedAt', () => {
		const e = applyEntryPatch(done, { end: '2026-11-16T11:05:30+01:00' }, later);
		expect([e.minutes, e.updatedAt, e.start]).toEqual([
			120,
			'2026-11-18T10:00:00.000Z',
			done.start
		]);
		expect(applyEntryPatch(done, { start: '2026-11-16T10:05:30+01:00' }, later).minutes).toBe(30);
		expect(done.minutes).toBe(90);
	});

	it('changes other fields without touching minutes', () => {
		const e = applyEntryPatch(done, { note: 'Call', billable: false, note2: 'x' } as never, later);
		expect([e.note, e.billable, e.minutes]).toEqual(['Call', false, 90]);
		expect(e).not.toHaveProperty('note2');
	});

	it('ignores undefined values and sets minutes to 0 when end becomes null', () => {
		expect(applyEntryPatch(done, { note: undefined }, later).note).toBe('');
		expect(applyEntryPatch(done, { end: null }, later)).toMatchObject({ end: null, minutes: 0 });
	});
});
