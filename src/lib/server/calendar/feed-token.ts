/**
 * Calendar feed tokens: 256 random bits in the URL, only their SHA-256 on the server, so a
 * copy of the database does not hold working feed URLs. Pure, tested without a server.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable token (256 bits, URL-safe, 43 characters). */
export const newFeedToken = (): string => randomBytes(32).toString('base64url');

/** The SHA-256 (hex) of a token; null when the text cannot be a token (saves a lookup). */
export function feedTokenHash(token: string): string | null {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
	return createHash('sha256').update(token).digest('hex');
}

/** The token in a feed file name (`<token>.ics`), or null. */
export function tokenOfFile(file: string): string | null {
	const m = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file);
	return m ? m[1]! : null;
}

/** Registry id of the document that points a token's hash at its user. */
export const feedDocId = (hash: string) => `calendar-feed:${hash}`;
/** Registry id of a user's current feed: the source of truth for which token is live. */
export const feedOwnerId = (user: string) => `calendar-user:${user}`;

/** Path of a feed, relative to the app's origin. */
export const feedPath = (token: string) => `/api/calendar/${token}.ics`;
