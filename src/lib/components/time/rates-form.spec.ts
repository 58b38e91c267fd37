import { describe, expect, it } from 'vitest';
import { parseRates, rateRows } from './rates-form';

describe('parseRates', () => {
	it('reads a project rate and member overrides', () => {
		expect(
			parseRates('85,50', [
				{ user: 'Ben', rate: '95' },
				{ user: 'ana', rate: '70.25' },
				{ user: '', rate: '' }
			])
		).toEqual({ ok: true, rate: 85.5, memberRates: { ana: 70.25, ben: 95 } });
		expect(parseRates('', [])).toEqual({ ok: true, rate: null, memberRates: {} });
	});

	it('explains bad input', () => {
		expect(parseRates('lots', [])).toMatchObject({ ok: false, error: /Hourly rate/ });
		expect(parseRates('1.234', [])).toMatchObject({ ok: false });
		expect(parseRates('10', [{ user: 'ana', rate: '' }])).toMatchObject({
			ok: false,
			error: /amount for ana/
		});
		expect(parseRates('10', [{ user: 'a b', rate: '5' }])).toMatchObject({
			ok: false,
			error: /not a user name/
		});
		expect(
			parseRates('10', [
				{ user: 'ana', rate: '5' },
				{ user: 'ANA', rate: '6' }
			])
		).toMatchObject({ ok: false, error: /twice/ });
	});

	it('round-trips through the edit rows', () => {
		const parsed = parseRates('', rateRows({ ana: 70.25 }));
		expect(parsed).toEqual({ ok: true, rate: null, memberRates: { ana: 70.25 } });
	});
});
