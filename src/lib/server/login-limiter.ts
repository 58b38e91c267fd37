/**
 * Failed sign-in throttling, per account and per client address, over a sliding window.
 * An account is paused after a few failures (slowing password guessing against one user);
 * an address after many more (slowing one client guessing across many users). A success
 * clears the account's count but not the address's, so an attacker cannot reset their
 * address budget by signing into an account of their own between guesses.
 */

/** Limits of the window. */
export interface LimiterOptions {
	windowMs: number;
	maxPerAccount: number;
	maxPerAddress: number;
	/** Most keys remembered; beyond it, expired entries are swept. */
	maxKeys?: number;
}

export const LOGIN_LIMITS: LimiterOptions = {
	windowMs: 15 * 60_000,
	maxPerAccount: 5,
	maxPerAddress: 30
};

/** Why a sign-in is refused now, and for how many whole seconds. */
export interface Blocked {
	scope: 'account' | 'address';
	retryAfterSeconds: number;
}

export class LoginLimiter {
	readonly #opts: Required<LimiterOptions>;
	readonly #now: () => number;
	readonly #failures = new Map<string, number[]>();

	constructor(opts: LimiterOptions = LOGIN_LIMITS, now: () => number = Date.now) {
		this.#opts = { maxKeys: 10_000, ...opts };
		this.#now = now;
	}

	/** Whether a sign-in for `account` from `address` must wait; null when it may proceed. */
	check(account: string | null, address: string): Blocked | null {
		const byAccount = account === null ? null : this.#blocked(`a:${account}`, 'account');
		return byAccount ?? this.#blocked(`i:${address}`, 'address');
	}

	/** Records a failed sign-in. */
	fail(account: string | null, address: string): void {
		if (this.#failures.size >= this.#opts.maxKeys) this.#sweep();
		if (account !== null) this.#push(`a:${account}`);
		this.#push(`i:${address}`);
	}

	/** Records a successful sign-in: the account's failures are forgotten. */
	succeed(account: string): void {
		this.#failures.delete(`a:${account}`);
	}

	#blocked(key: string, scope: Blocked['scope']): Blocked | null {
		const max = scope === 'account' ? this.#opts.maxPerAccount : this.#opts.maxPerAddress;
		const recent = this.#recent(key);
		if (recent.length < max) return null;
		// The window reopens when the oldest failure that still counts against the limit expires.
		const reopensAt = recent[recent.length - max]! + this.#opts.windowMs;
		return { scope, retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - this.#now()) / 1000)) };
	}

	#recent(key: string): number[] {
		const since = this.#now() - this.#opts.windowMs;
		const list = (this.#failures.get(key) ?? []).filter((t) => t > since);
		if (list.length) this.#failures.set(key, list);
		else this.#failures.delete(key);
		return list;
	}

	#push(key: string): void {
		const list = this.#recent(key);
		list.push(this.#now());
		// Only the newest `max` failures can ever matter; keep memory bounded per key.
		const keep = Math.max(this.#opts.maxPerAccount, this.#opts.maxPerAddress);
		this.#failures.set(key, list.slice(-keep));
	}

	#sweep(): void {
		for (const key of [...this.#failures.keys()]) this.#recent(key);
		if (this.#failures.size < this.#opts.maxKeys) return;
		// Still full of live entries (a flood of distinct names): forget the oldest keys.
		const drop = this.#failures.size - Math.floor(this.#opts.maxKeys / 2);
		for (const key of [...this.#failures.keys()].slice(0, drop)) this.#failures.delete(key);
	}
}

/** The 429 body for a blocked sign-in. */
export function blockedMessage(b: Blocked): { error: string; reason: string; retryAfter: number } {
	const minutes = Math.ceil(b.retryAfterSeconds / 60);
	const wait = minutes <= 1 ? 'a minute' : `${minutes} minutes`;
	const who = b.scope === 'account' ? 'this account' : 'this network address';
	return {
		error: 'too_many_requests',
		reason: `Too many failed sign-ins for ${who}. Try again in ${wait}.`,
		retryAfter: b.retryAfterSeconds
	};
}
