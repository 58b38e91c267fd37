/**
 * How many long polls may wait at once, per user and in all. A browser's leader tab holds
 * two or three (workspace lanes, private database); a person with a few devices a dozen.
 * Past the limits a new poll is refused at once instead of piling up on the database.
 */
export interface FeedLimits {
	perUser: number;
	total: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = { perUser: 24, total: 2_000 };

export class FeedGate {
	readonly #limits: FeedLimits;
	readonly #open = new Map<string, number>();
	#total = 0;

	constructor(limits: FeedLimits = DEFAULT_FEED_LIMITS) {
		this.#limits = limits;
	}

	/** A release function, or which limit is reached. */
	enter(user: string): (() => void) | 'user' | 'total' {
		const mine = this.#open.get(user) ?? 0;
		if (mine >= this.#limits.perUser) return 'user';
		if (this.#total >= this.#limits.total) return 'total';
		this.#open.set(user, mine + 1);
		this.#total++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#total--;
			const left = (this.#open.get(user) ?? 1) - 1;
			if (left > 0) this.#open.set(user, left);
			else this.#open.delete(user);
		};
	}

	get total(): number {
		return this.#total;
	}
}
