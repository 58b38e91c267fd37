/** A small seeded random source (mulberry32): the same seed gives the same workspace. */
export class Prng {
	#state: number;

	constructor(seed: number) {
		this.#state = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability `p`. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)]!;
	}

	/** `n` distinct items (fewer when `items` is shorter). */
	sample<T>(items: readonly T[], n: number): T[] {
		const pool = [...items];
		const out: T[] = [];
		while (out.length < n && pool.length > 0) {
			out.push(pool.splice(this.int(0, pool.length - 1), 1)[0]!);
		}
		return out;
	}

	/** An item chosen by weight: `[[value, weight], …]`. */
	weighted<T>(choices: readonly (readonly [T, number])[]): T {
		const total = choices.reduce((s, [, w]) => s + w, 0);
		let r = this.next() * total;
		for (const [value, w] of choices) if ((r -= w) < 0) return value;
		return choices[choices.length - 1]![0];
	}
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID for time `ms` with its random part drawn from `rng` (deterministic ids). */
export function seededUlid(ms: number, rng: Prng): string {
	let time = '';
	for (let i = 0, t = ms; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32]! + time;
	let rand = '';
	for (let i = 0; i < 16; i++) rand += CROCKFORD[rng.int(0, 31)]!;
	return time + rand;
}
