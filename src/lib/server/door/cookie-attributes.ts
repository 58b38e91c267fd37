/**
 * The attributes of every cookie the door hands to a browser, whatever the database set:
 * `HttpOnly`, `SameSite=Lax` (no cross-site request carries the session, so another site
 * can neither sign a browser in nor act for it), `Path=/`, and `Secure` when the app is
 * served over https. CouchDB sets `SameSite` only when configured to, and never `Secure`
 * behind a TLS-terminating proxy.
 */

const DROPPED = /^(samesite|secure|httponly|path|domain)$/i;

/** `cookie` (a Set-Cookie value) with TaskFlow's attributes. */
export function rewriteSetCookie(cookie: string, secure: boolean): string {
	const [pair, ...attrs] = cookie.split(';').map((s) => s.trim());
	const kept = attrs.filter((a) => a && !DROPPED.test(a.split('=')[0]!.trim()));
	return [pair, ...kept, 'Path=/', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join(
		'; '
	);
}
