/**
 * Hybrid logical clock (Kulkarni et al.): a timestamp that follows wall time when clocks
 * are sane but never goes backwards, and orders events across devices even when their
 * clocks disagree. Each task field carries the clock of its last write; on a conflict the
 * later clock wins and, for equal clocks, the higher replica id — so every device picks
 * the same winner without talking to the others.
 *
 * Serialised as `<millis base36, 9>-<counter base36, 4>-<replica>`: fixed widths, so plain
 * string comparison is clock order.
 */

export interface Hlc {
	readonly millis: number;
	readonly counter: number;
	readonly replica: string;
}

const MILLIS_WIDTH = 9;
const COUNTER_WIDTH = 4;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;
export const HLC_PATTERN = '^[0-9a-z]{9}-[0-9a-z]{4}-[0-9a-z]{1,32}$';

/**
 * How far ahead of the server's time a clock may be. Devices stamp with the server's time
 * (see server-time.ts), so a correct device is seconds off; a clock further ahead would win
 * every concurrent edit for as long as it is ahead. The validator refuses such clocks and
 * `HlcClock.observe` does not adopt them.
 */
export const MAX_CLOCK_AHEAD_MS = 60 * 60_000;

export function formatHlc(c: Hlc): string {
	return `${c.millis.toString(36).padStart(MILLIS_WIDTH, '0')}-${c.counter
		.toString(36)
		.padStart(COUNTER_WIDTH, '0')}-${c.replica}`;
}

export function parseHlc(s: string): Hlc {
	const [millis, counter, replica] = s.split('-');
	if (!millis || !counter || !replica || !new RegExp(HLC_PATTERN).test(s)) {
		throw new Error(`not a hybrid logical clock: ${s}`);
	}
	return { millis: parseInt(millis, 36), counter: parseInt(counter, 36), replica };
}

/** The device (replica) that stamped `clock`. */
export const replicaOf = (clock: string): string => clock.slice(clock.lastIndexOf('-') + 1);

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareHlc(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A clock for one replica. `tick()` stamps a local event; `observe()` folds in a clock
 * seen on a remote document so that the next local stamp is after it.
 */
export class HlcClock {
	#last: Hlc;
	readonly #now: () => number;

	constructor(replica: string, now: () => number = Date.now) {
		if (!/^[0-9a-z]{1,32}$/.test(replica)) throw new Error(`bad replica id: ${replica}`);
		this.#now = now;
		this.#last = { millis: 0, counter: 0, replica };
	}

	get replica(): string {
		return this.#last.replica;
	}

	tick(): string {
		const wall = this.#now();
		const last = this.#last;
		const next =
			wall > last.millis
				? { millis: wall, counter: 0, replica: last.replica }
				: { millis: last.millis, counter: last.counter + 1, replica: last.replica };
		return formatHlc(this.#store(next));
	}

	observe(remote: string): void {
		const r = parseHlc(remote);
		// A clock from too far in the future (a device whose time was wrong) is not adopted:
		// every later edit here would inherit its lead.
		if (r.millis > this.#now() + MAX_CLOCK_AHEAD_MS) return;
		const last = this.#last;
		if (r.millis > last.millis || (r.millis === last.millis && r.counter > last.counter)) {
			this.#store({ millis: r.millis, counter: r.counter, replica: last.replica });
		}
	}

	#store(next: Hlc): Hlc {
		if (next.counter > MAX_COUNTER) {
			// Counter overflow means > 1.6M events in one millisecond or a wildly skewed peer:
			// move to the next millisecond rather than produce an unsortable stamp.
			next = { millis: next.millis + 1, counter: 0, replica: next.replica };
		}
		this.#last = next;
		return next;
	}
}

/** A short random replica id for this device (lowercase base36). */
export function newReplicaId(random: () => number = Math.random): string {
	let id = '';
	for (let i = 0; i < 10; i++) id += Math.floor(random() * 36).toString(36);
	return id;
}
