/**
 * Who is on the other end of a request, as far as this server can know. Without a proxy
 * in front (`TRUST_PROXY=0`, the default) that is the socket's address, and `X-Forwarded-*`
 * headers are ignored: anyone can send them. Behind `n` proxies that each append to
 * `X-Forwarded-For`, the client is the entry `n` places from the right, and the public
 * scheme and host are the ones the nearest proxy reports.
 */
import type { IncomingMessage } from 'node:http';

/** The client's address (for rate limits and logs). */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
	const socket = req.socket.remoteAddress ?? '?';
	if (trustedHops <= 0) return socket;
	const forwarded = headerValue(req, 'x-forwarded-for');
	if (!forwarded) return socket;
	const chain = forwarded
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	// The rightmost entries were added by our own proxies; the one before them is the client.
	return chain[Math.max(0, chain.length - trustedHops)] ?? socket;
}

/**
 * The origin browsers use for this app: `ORIGIN` when configured, else built from the
 * request (the trusted proxy's `X-Forwarded-Proto`/`-Host`, or the `Host` header).
 */
export function appOrigin(
	req: IncomingMessage,
	trustedHops: number,
	configured: string | null
): string {
	if (configured) return configured;
	const proto = trustedHops > 0 ? lastValue(headerValue(req, 'x-forwarded-proto')) : null;
	const host =
		(trustedHops > 0 ? lastValue(headerValue(req, 'x-forwarded-host')) : null) ??
		req.headers.host ??
		'';
	const scheme =
		proto === 'https' || proto === 'http'
			? proto
			: 'encrypted' in req.socket && req.socket.encrypted
				? 'https'
				: 'http';
	return `${scheme}://${host}`;
}

function headerValue(req: IncomingMessage, name: string): string | null {
	const v = req.headers[name];
	return typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : null;
}

const lastValue = (v: string | null) => v?.split(',').at(-1)?.trim() || null;
