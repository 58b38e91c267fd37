import { describe, expect, it } from 'vitest';
import { guessStatus, parseDate, parseEstimate, parsePriority, splitTags } from './import-values';

describe('parseDate', () => {
	it('reads ISO dates and date-times, European dots, US slashes and month names', () => {
		expect(parseDate('2026-03-09')).toBe('2026-03-09');
		expect(parseDate('2026-3-9T14:00:00Z')).toBe('2026-03-09');
		expect(parseDate('2026-03-09 08:30')).toBe('2026-03-09');
		expect(parseDate('9.3.2026')).toBe('2026-03-09');
		expect(parseDate('03/09/2026')).toBe('2026-03-09');
		expect(parseDate('Mar 9 2026')).toBe('2026-03-09');
		expect(parseDate('9 March, 2026')).toBe('2026-03-09');
	});

	it('tells empty (null) from not understood (undefined)', () => {
		expect(parseDate('  ')).toBeNull();
		expect(parseDate('next friday')).toBeUndefined();
		expect(parseDate('2026-02-30')).toBeUndefined();
		expect(parseDate('31/12/2026')).toBeUndefined();
	});
});

describe('parsePriority', () => {
	it('maps names and p-levels, defaults empty to medium', () => {
		expect(parsePriority('High')).toBe('high');
		expect(parsePriority(' critical ')).toBe('urgent');
		expect(parsePriority('P4')).toBe('low');
		expect(parsePriority('')).toBe('medium');
		expect(parsePriority('whenever')).toBeUndefined();
	});
});

describe('parseEstimate', () => {
	it('reads hours, decimal commas and unit suffixes', () => {
		expect(parseEstimate('3')).toBe(3);
		expect(parseEstimate('1,5')).toBe(1.5);
		expect(parseEstimate('1h 30m')).toBe(1.5);
		expect(parseEstimate('90 min')).toBe(1.5);
		expect(parseEstimate('2d')).toBe(16);
		expect(parseEstimate('')).toBeNull();
		expect(parseEstimate('a while')).toBeUndefined();
		expect(parseEstimate('2h lots')).toBeUndefined();
	});
});

describe('splitTags and guessStatus', () => {
	it('splits on commas, semicolons and pipes', () => {
		expect(splitTags('field, pump|  ;urgent fix')).toEqual(['field', 'pump', 'urgent fix']);
	});

	it('recognises common status names and admits when it cannot', () => {
		expect(guessStatus('To Do')).toBe('todo');
		expect(guessStatus('in-progress')).toBe('in_progress');
		expect(guessStatus('QA')).toBe('review');
		expect(guessStatus('Done ✔')).toBe('done');
		expect(guessStatus('Sprint 12')).toBeNull();
	});
});
