import { describe, expect, it } from 'vitest';
import { amount, roundCents } from './time-totals';

describe('amount and roundCents', () => {
	it.each([
		[90, 50, 75],
		[20, 100, 33.33],
		[40, 100, 66.67],
		[7, 12.345, 1.44],
		[45, 0.67, 0.5],
		[0, 100, 0]
	])('%d min at %d/h is %d', (minutes, rate, expected) => {
		expect(amount(minutes, rate)).toBe(expected);
	});

	// Exact values ending in half a cent, several of which a plain Math.round gets wrong.
	it.each([
		[1, 5.1, 0.09], // 0.085
		[3, 0.3, 0.02], // 0.015
		[9, 1.9, 0.29], // 0.285
		[10, 0.09, 0.02], // 0.015
		[30, 1.01, 0.51], // 0.505
		[1, 0.3, 0.01], // 0.005
		[45, 80.5, 60.38], // 60.375
		[-30, 1.01, -0.51], // away from zero
		[-1, 0.3, -0.01]
	])('%d min at %d/h rounds half away from zero to %d', (minutes, rate, expected) => {
		expect(amount(minutes, rate)).toBe(expected);
	});

	it('rounds below half down, and never returns -0', () => {
		expect(amount(1, 0.27)).toBe(0); // 0.0045
		expect(Object.is(amount(-1, 0.27), 0)).toBe(true);
		expect(roundCents(1.005)).toBe(1.01);
		expect(roundCents(2.675)).toBe(2.68);
		expect(roundCents(-1.005)).toBe(-1.01);
		expect(roundCents(1.00499)).toBe(1);
	});
});
