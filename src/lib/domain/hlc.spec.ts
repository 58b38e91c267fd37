import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, HLC_PATTERN, HlcClock, newReplicaId, parseHlc } from './hlc';

/** A wall clock the test moves by hand, so skew and stalls are exact. */
function manualClock(start: number) {
	const state = { t: start };
	return { state, now: () => state.t };
}

const MAX_COUNTER = 36 ** 4 - 1;

describe('formatHlc / parseHlc', () => {
	it('round-trips a clock', () => {
		const c = { millis: 1_700_000_000_123, counter: 42, replica: 'abc123' };
		const s = formatHlc(c);
		expect(s).toMatch(new RegExp(HLC_PATTERN));
		expect(parseHlc(s)).toEqual(c);
	});

	it('pads millis and counter to fixed widths', () => {
		expect(formatHlc({ millis: 0, counter: 0, replica: 'r' })).toBe('000000000-0000-r');
		expect(formatHlc({ millis: 35, counter: 35, replica: 'r' })).toBe('00000000z-000z-r');
		expect(formatHlc({ millis: 1, counter: MAX_COUNTER, replica: 'r' })).toBe('000000001-zzzz-r');
	});

	it('round-trips the largest counter and a 32-character replica', () => {
		const c = { millis: 1, counter: MAX_COUNTER, replica: 'z'.repeat(32) };
		expect(parseHlc(formatHlc(c))).toEqual(c);
	});

	it.each([
		'',
		'garbage',
		'000000001-0000',
		'00000001-0000-r',
		'0000000001-0000-r',
		'000000001-000-r',
		'000000001-0000-',
		'000000001-0000-R',
		'00000000A-0000-r',
		'000000001-0000-r-x',
		'000000001-0000-' + 'a'.repeat(33),
		' 000000001-0000-r'
	])('rejects %j', (s) => {
		expect(() => parseHlc(s)).toThrow(/not a hybrid logical clock/);
	});
});

describe('compareHlc', () => {
	const fmt = (millis: number, counter: number, replica: string) =>
		formatHlc({ millis, counter, replica });

	it('orders by millis, then counter, then replica', () => {
		expect(compareHlc(fmt(2, 0, 'a'), fmt(10, 0, 'a'))).toBeLessThan(0);
		expect(compareHlc(fmt(5, 36, 'a'), fmt(5, 2, 'a'))).toBeGreaterThan(0);
		expect(compareHlc(fmt(5, 1, 'b'), fmt(5, 1, 'a'))).toBeGreaterThan(0);
		expect(compareHlc(fmt(5, 1, 'a'), fmt(5, 1, 'a'))).toBe(0);
	});

	it('puts a later millisecond after any counter of an earlier one', () => {
		expect(compareHlc(fmt(100, MAX_COUNTER, 'zzz'), fmt(101, 0, 'a'))).toBeLessThan(0);
	});

	it('agrees with numeric order of the parsed fields for many clocks', () => {
		const clocks = [
			fmt(0, 0, 'a'),
			fmt(9, 0, 'a'),
			fmt(10, 0, 'a'),
			fmt(35, 5, 'a'),
			fmt(36, 0, 'a'),
			fmt(1_700_000_000_000, 0, 'a'),
			fmt(1_700_000_000_000, 1, 'a'),
			fmt(1_700_000_000_000, 1, 'b'),
			fmt(1_700_000_000_001, 0, 'a')
		];
		const shuffled = [...clocks].reverse();
		shuffled.sort(compareHlc);
		expect(shuffled).toEqual(clocks);
	});
});

describe('HlcClock', () => {
	it('rejects replica ids that would break the format', () => {
		expect(() => new HlcClock('')).toThrow(/bad replica id/);
		expect(() => new HlcClock('Upper')).toThrow(/bad replica id/);
		expect(() => new HlcClock('has-dash')).toThrow(/bad replica id/);
		expect(() => new HlcClock('a'.repeat(33))).toThrow(/bad replica id/);
		expect(new HlcClock('a'.repeat(32)).replica).toBe('a'.repeat(32));
	});

	it('follows the wall clock when it moves forward', () => {
		const wall = manualClock(1000);
		const clock = new HlcClock('r1', wall.now);
		expect(parseHlc(clock.tick())).toEqual({ millis: 1000, counter: 0, replica: 'r1' });
		wall.state.t = 1500;
		expect(parseHlc(clock.tick())).toEqual({ millis: 1500, counter: 0, replica: 'r1' });
	});

	it('counts up within one millisecond', () => {
		const wall = manualClock(1000);
		const clock = new HlcClock('r1', wall.now);
		const stamps = [clock.tick(), clock.tick(), clock.tick()];
		expect(stamps.map((s) => parseHlc(s).counter)).toEqual([0, 1, 2]);
		expect(stamps.every((s) => parseHlc(s).millis === 1000)).toBe(true);
	});

	it('never goes backwards when the wall clock does', () => {
		const wall = manualClock(5000);
		const clock = new HlcClock('r1', wall.now);
		const first = clock.tick();
		wall.state.t = 1000;
		const second = clock.tick();
		const third = clock.tick();
		expect(compareHlc(second, first)).toBeGreaterThan(0);
		expect(compareHlc(third, second)).toBeGreaterThan(0);
		expect(parseHlc(third)).toEqual({ millis: 5000, counter: 2, replica: 'r1' });
		wall.state.t = 6000;
		expect(parseHlc(clock.tick())).toEqual({ millis: 6000, counter: 0, replica: 'r1' });
	});

	it('stays strictly increasing under an erratic wall clock', () => {
		const times = [10, 10, 9, 50, 20, 20, 51, 51, 3, 100, 99, 100];
		let i = 0;
		const clock = new HlcClock('r1', () => times[i++ % times.length]!);
		const stamps = times.map(() => clock.tick());
		for (let k = 1; k < stamps.length; k++) {
			expect(compareHlc(stamps[k]!, stamps[k - 1]!)).toBeGreaterThan(0);
		}
	});

	it('stamps after a remote clock it has observed, even one far ahead of its wall', () => {
		const wall = manualClock(1000);
		const clock = new HlcClock('aaa', wall.now);
		clock.tick();
		const remote = formatHlc({ millis: 900_000, counter: 7, replica: 'zzz' });
		clock.observe(remote);
		const next = clock.tick();
		expect(compareHlc(next, remote)).toBeGreaterThan(0);
		expect(parseHlc(next)).toEqual({ millis: 900_000, counter: 8, replica: 'aaa' });
	});

	it('beats an observed clock with the same millis and counter despite a lower replica', () => {
		const wall = manualClock(1000);
		const clock = new HlcClock('aaa', wall.now);
		clock.tick();
		const remote = formatHlc({ millis: 1000, counter: 0, replica: 'zzz' });
		clock.observe(remote);
		expect(compareHlc(clock.tick(), remote)).toBeGreaterThan(0);
	});

	it('ignores an observed clock that is behind its own', () => {
		const wall = manualClock(1000);
		const clock = new HlcClock('r1', wall.now);
		clock.tick();
		clock.tick();
		clock.observe(formatHlc({ millis: 1000, counter: 0, replica: 'zz' }));
		clock.observe(formatHlc({ millis: 10, counter: 99, replica: 'zz' }));
		expect(parseHlc(clock.tick())).toEqual({ millis: 1000, counter: 2, replica: 'r1' });
	});

	it('follows the wall clock again once it passes an observed clock', () => {
		const wall = manualClock(1000);
		const clock = new HlcClock('r1', wall.now);
		clock.observe(formatHlc({ millis: 2000, counter: 3, replica: 'zz' }));
		wall.state.t = 2001;
		expect(parseHlc(clock.tick())).toEqual({ millis: 2001, counter: 0, replica: 'r1' });
	});

	it('throws on observing a malformed clock and keeps working', () => {
		const wall = manualClock(1000);
		const clock = new HlcClock('r1', wall.now);
		expect(() => clock.observe('not-a-clock')).toThrow(/not a hybrid logical clock/);
		expect(parseHlc(clock.tick())).toEqual({ millis: 1000, counter: 0, replica: 'r1' });
	});

	it('moves to the next millisecond when the counter would overflow', () => {
		const wall = manualClock(1000);
		const clock = new HlcClock('r1', wall.now);
		const full = formatHlc({ millis: 1000, counter: MAX_COUNTER, replica: 'zz' });
		clock.observe(full);
		const next = clock.tick();
		expect(next).toMatch(new RegExp(HLC_PATTERN));
		expect(parseHlc(next)).toEqual({ millis: 1001, counter: 0, replica: 'r1' });
		expect(compareHlc(next, full)).toBeGreaterThan(0);
		// The wall clock is still behind the bumped millisecond: the counter carries on there.
		expect(parseHlc(clock.tick())).toEqual({ millis: 1001, counter: 1, replica: 'r1' });
	});
});

describe('newReplicaId', () => {
	it('makes a 10-character id the clock accepts', () => {
		const id = newReplicaId();
		expect(id).toMatch(/^[0-9a-z]{10}$/);
		expect(new HlcClock(id).replica).toBe(id);
	});

	it('maps the random source onto base36 digits', () => {
		expect(newReplicaId(() => 0)).toBe('0000000000');
		expect(newReplicaId(() => 0.999_999)).toBe('zzzzzzzzzz');
		const seq = [0.5 / 36, 10.5 / 36, 35.5 / 36];
		let i = 0;
		expect(newReplicaId(() => seq[i++ % 3]!)).toBe('0az0az0az0');
	});
});

describe('HlcClock and clocks from the future', () => {
	it('does not adopt a remote clock far ahead of its own time', () => {
		let now = Date.UTC(2026, 11, 1);
		const clock = new HlcClock('dev1', () => now);
		const yearAhead = formatHlc({ millis: now + 365 * 86_400_000, counter: 0, replica: 'bad' });
		clock.observe(yearAhead);
		expect(parseHlc(clock.tick()).millis).toBe(now);
		const minuteAhead = formatHlc({ millis: now + 60_000, counter: 3, replica: 'ok' });
		clock.observe(minuteAhead);
		now += 1;
		expect(parseHlc(clock.tick())).toMatchObject({ millis: now + 59_999, counter: 4 });
	});
});
