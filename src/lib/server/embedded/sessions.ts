/**
 * Who is calling the embedded server: the server admin (Basic, from DATA_DIR's generated
 * credentials), an account from `_users` (cookie session or Basic), or nobody. Cookies are
 * CouchDB-shaped (`AuthSession=base64url(name:hexTime:mac)`), signed with the server's
 * secret and the account's salt, so a new password ends every older session. Nothing here
 * ever turns a caller without valid credentials into anything but anonymous.
 */
import { createHash, createHmac } from 'node:crypto';
import { hashPassword, needsRehash, sameSecret, verifyPassword } from './passwords';
import { badRequest, unauthorized } from './http-kit';

export interface UserCtx {
	name: string | null;
	roles: string[];
}

export const ANONYMOUS: UserCtx = Object.freeze({ name: null, roles: [] });

/** A `_users` document as sessions read it. */
export interface AccountDoc {
	_id: string;
	_rev?: string;
	name: string;
	roles: string[];
	salt?: string;
	[field: string]: unknown;
}

export interface SessionOptions {
	admin: { user: string; password: string };
	/** Secret that signs cookies (DATA_DIR/session-secret). */
	secret: string;
	/** Seconds a session lasts without use. */
	timeoutSec: number;
	/** Iterations for new password hashes. */
	iterations: number;
	/** Reads an account (null when there is none). */
	readAccount(name: string): Promise<AccountDoc | null>;
	/** Stores an account whose hash was upgraded. */
	saveAccount(doc: AccountDoc): Promise<void>;
	now?: () => number;
}

/** How the caller proved who they are, and a refreshed cookie to hand back, if due. */
export interface Identified {
	ctx: UserCtx;
	setCookie?: string;
}

const BASIC_CACHE_MS = 5 * 60_000;
const BASIC_CACHE_MAX = 5_000;

export class Sessions {
	readonly #o: SessionOptions;
	readonly #now: () => number;
	/** Basic credentials verified lately (PBKDF2 is slow on purpose): key → expiry. */
	readonly #basicOk = new Map<string, number>();

	constructor(opts: SessionOptions) {
		this.#o = opts;
		this.#now = opts.now ?? Date.now;
	}

	/** The caller of a request, from its Authorization header or its AuthSession cookie. */
	async identify(headers: { authorization?: string; cookie?: string }): Promise<Identified> {
		const auth = headers.authorization;
		if (typeof auth === 'string' && auth.length > 0) {
			const [scheme, value] = auth.trim().split(/\s+/, 2);
			if (scheme?.toLowerCase() !== 'basic' || !value) {
				throw badRequest('Authorization header is invalid');
			}
			const decoded = Buffer.from(value, 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			if (colon < 1) throw badRequest('Authorization header has invalid base64 value');
			const ctx = await this.#basic(decoded.slice(0, colon), decoded.slice(colon + 1));
			if (!ctx) throw unauthorized('Name or password is incorrect.');
			return { ctx };
		}
		const cookie = cookieValue(headers.cookie, 'AuthSession');
		return cookie ? await this.#cookie(cookie) : { ctx: ANONYMOUS };
	}

	/** Checks a name and password; on success, the context and a session cookie. */
	async signIn(
		name: string,
		password: string
	): Promise<{ ctx: UserCtx; setCookie: string } | null> {
		if (this.#isAdmin(name, password)) {
			return { ctx: this.#adminCtx(), setCookie: this.#cookieFor(name, this.#adminSalt()) };
		}
		const doc = await this.#o.readAccount(name);
		if (!doc || !(await verifyPassword(doc, password))) return null;
		const fresh = await this.#upgrade(doc, password);
		return { ctx: ctxOf(fresh), setCookie: this.#cookieFor(name, String(fresh.salt)) };
	}

	/** A header that ends the session in the browser. */
	clearCookie(): string {
		return 'AuthSession=; Version=1; Path=/; HttpOnly; SameSite=Lax; Max-Age=0';
	}

	#isAdmin(name: string, password: string): boolean {
		return sameSecret(name, this.#o.admin.user) && sameSecret(password, this.#o.admin.password);
	}

	#adminCtx(): UserCtx {
		return { name: this.#o.admin.user, roles: ['_admin'] };
	}

	/** Ties admin cookies to the admin password, as user cookies are tied to the salt. */
	#adminSalt(): string {
		return createHash('sha256').update(`admin:${this.#o.admin.password}`).digest('hex');
	}

	async #basic(name: string, password: string): Promise<UserCtx | null> {
		if (this.#isAdmin(name, password)) return this.#adminCtx();
		const doc = await this.#o.readAccount(name);
		if (!doc) return null;
		const key = createHash('sha256')
			.update(`${name}\u0000${password}\u0000${String(doc.derived_key)}`)
			.digest('hex');
		const until = this.#basicOk.get(key);
		if (until !== undefined && until > this.#now()) return ctxOf(doc);
		if (!(await verifyPassword(doc, password))) return null;
		if (this.#basicOk.size >= BASIC_CACHE_MAX) this.#basicOk.clear();
		this.#basicOk.set(key, this.#now() + BASIC_CACHE_MS);
		return ctxOf(await this.#upgrade(doc, password));
	}

	async #cookie(value: string): Promise<Identified> {
		let text: string;
		try {
			text = Buffer.from(value, 'base64url').toString('utf8');
		} catch {
			return { ctx: ANONYMOUS };
		}
		const [name, timeHex, mac] = text.split(':');
		if (!name || !timeHex || !mac || !/^[0-9A-F]{1,12}$/i.test(timeHex)) return { ctx: ANONYMOUS };
		const issued = parseInt(timeHex, 16);
		const now = Math.floor(this.#now() / 1000);
		if (!(now < issued + this.#o.timeoutSec)) return { ctx: ANONYMOUS };
		let ctx: UserCtx;
		let salt: string;
		if (name === this.#o.admin.user) {
			ctx = this.#adminCtx();
			salt = this.#adminSalt();
		} else {
			const doc = await this.#o.readAccount(name);
			if (!doc || typeof doc.salt !== 'string') return { ctx: ANONYMOUS };
			ctx = ctxOf(doc);
			salt = doc.salt;
		}
		if (!sameSecret(mac, this.#mac(name, timeHex, salt))) return { ctx: ANONYMOUS };
		// As CouchDB: a session more than a tenth through its life gets a fresh cookie.
		const stale = now - issued > this.#o.timeoutSec * 0.1;
		return stale ? { ctx, setCookie: this.#cookieFor(name, salt) } : { ctx };
	}

	#cookieFor(name: string, salt: string): string {
		const timeHex = Math.floor(this.#now() / 1000)
			.toString(16)
			.toUpperCase();
		const value = Buffer.from(`${name}:${timeHex}:${this.#mac(name, timeHex, salt)}`).toString(
			'base64url'
		);
		return `AuthSession=${value}; Version=1; Path=/; HttpOnly; SameSite=Lax; Max-Age=${this.#o.timeoutSec}`;
	}

	#mac(name: string, timeHex: string, salt: string): string {
		return createHmac('sha256', this.#o.secret + salt)
			.update(`${name}:${timeHex}`)
			.digest('base64url');
	}

	/** Re-hashes a weak stored hash now that the password is known (as CouchDB 3.4+ does). */
	async #upgrade(doc: AccountDoc, password: string): Promise<AccountDoc> {
		if (!needsRehash(doc, this.#o.iterations)) return doc;
		const next = { ...doc, ...(await hashPassword(password, this.#o.iterations)) };
		try {
			await this.#o.saveAccount(next);
			return next;
		} catch {
			return doc; // Changed meanwhile: the next sign-in upgrades it.
		}
	}
}

const ctxOf = (doc: AccountDoc): UserCtx => ({
	name: doc.name,
	roles: Array.isArray(doc.roles)
		? doc.roles.filter((r) => typeof r === 'string' && r !== '_admin')
		: []
});

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
	}
	return null;
}
