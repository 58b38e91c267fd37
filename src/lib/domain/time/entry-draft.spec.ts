import { describe, expect, it } from 'vitest';
import { draftSpan, type EntryDraft } from './entry-draft';

const BERLIN = 'Europe/Berlin';
// Wednesday 2026-11-18 15:40 in Berlin (UTC+1).
const NOW = Date.parse('2026-11-18T14:40:00Z');
const draft = (over: Partial<EntryDraft>): EntryDraft => ({
	date: '2026-11-18',
	mode: 'duration',
	duration: '',
	startTime: '',
	endTime: '',
	...over
});

describe('draftSpan', () => {
	it('ends a duration logged today now', () => {
		expect(draftSpan(draft({ duration: '1h30' }), BERLIN, { now: NOW })).toEqual({
			ok: true,
			start: '2026-11-18T14:10:00+01:00',
			end: '2026-11-18T15:40:00+01:00',
			overnight: false
		});
	});

	it('ends it where the running timer began, so they never overlap', () => {
		const runningStart = Date.parse('2026-11-18T13:00:00Z');
		const span = draftSpan(draft({ duration: '45m' }), BERLIN, { now: NOW, runningStart });
		expect(span).toMatchObject({
			start: '2026-11-18T13:15:00+01:00',
			end: '2026-11-18T14:00:00+01:00'
		});
	});

	it('starts an earlier day at 09:00, or where asked', () => {
		expect(
			draftSpan(draft({ date: '2026-11-16', duration: '2' }), BERLIN, { now: NOW })
		).toMatchObject({
			start: '2026-11-16T09:00:00+01:00',
			end: '2026-11-16T11:00:00+01:00'
		});
		const placeAt = Date.parse('2026-11-16T12:30:00Z');
		expect(
			draftSpan(draft({ date: '2026-11-16', duration: '30m' }), BERLIN, { now: NOW, placeAt })
		).toMatchObject({ start: '2026-11-16T13:30:00+01:00', end: '2026-11-16T14:00:00+01:00' });
	});

	it('reads start and end times, ending the next day when end is earlier', () => {
		expect(
			draftSpan(
				draft({ mode: 'span', date: '2026-11-16', startTime: '22:00', endTime: '01:30' }),
				BERLIN,
				{
					now: NOW
				}
			)
		).toEqual({
			ok: true,
			start: '2026-11-16T22:00:00+01:00',
			end: '2026-11-17T01:30:00+01:00',
			overnight: true
		});
	});

	it('keeps wall-clock times across a DST change', () => {
		// Clocks go back at 03:00 on 2026-10-25 in Berlin: 01:00–05:00 is five hours.
		const span = draftSpan(
			draft({ mode: 'span', date: '2026-10-25', startTime: '01:00', endTime: '05:00' }),
			BERLIN,
			{ now: NOW }
		);
		expect(span).toMatchObject({
			start: '2026-10-25T01:00:00+02:00',
			end: '2026-10-25T05:00:00+01:00'
		});
	});

	it('explains what is wrong', () => {
		expect(draftSpan(draft({ duration: 'soon' }), BERLIN, { now: NOW })).toMatchObject({
			ok: false,
			field: 'duration'
		});
		expect(draftSpan(draft({ date: '2026-11-19', duration: '1h' }), BERLIN, { now: NOW })).toEqual({
			ok: false,
			field: 'date',
			error: 'Time cannot be logged ahead'
		});
		expect(
			draftSpan(draft({ mode: 'span', startTime: '9', endTime: '10:00' }), BERLIN, { now: NOW })
		).toEqual({ ok: false, field: 'startTime', error: 'Enter a start time' });
	});
});
