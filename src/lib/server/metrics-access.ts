/**
 * Who may read `/metrics`: with `METRICS_TOKEN` set, a caller presenting it as a bearer
 * token; without one, only a caller on this machine that came through no proxy (a
 * Prometheus scraping the app's port over the internet would otherwise read request rates,
 * error counts and memory figures of a stranger's server).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function metricsAllowed(req: IncomingMessage, token: string | null): boolean {
	if (token) {
		const auth = req.headers.authorization ?? '';
		const given = /^Bearer\s+(.+)$/i.exec(auth)?.[1] ?? '';
		return sameSecret(given, token);
	}
	const proxied =
		req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
	return !proxied && LOOPBACK.has(req.socket.remoteAddress ?? '');
}

function sameSecret(a: string, b: string): boolean {
	const x = new Uint8Array(createHash('sha256').update(a).digest());
	const y = new Uint8Array(createHash('sha256').update(b).digest());
	return timingSafeEqual(x, y);
}
