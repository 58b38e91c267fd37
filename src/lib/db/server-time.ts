/**
 * The server's time as this device last saw it: every answer from the app's server carries
 * a `Date` header, and the difference to this device's clock is kept (also across reloads).
 * Edits are stamped with the device's clock corrected by it, so a phone whose clock is a
 * year off still stamps edits with today: concurrent edits are decided by when they were
 * made, not by whose clock runs ahead.
 */
const KEY = 'taskflow.serverClockOffset';
/** Differences under this are clock noise and network delay: not worth correcting. */
const NOISE_MS = 2_000;

let offset = read();

function read(): number {
	try {
		const v = Number(globalThis.localStorage?.getItem(KEY));
		return Number.isFinite(v) ? v : 0;
	} catch {
		return 0;
	}
}

/** Notes the `Date` header of a server answer. */
export function noteServerDate(header: string | null, receivedAt = Date.now()): void {
	const server = header ? Date.parse(header) : NaN;
	if (!Number.isFinite(server)) return;
	// The header has whole seconds: the server's time is within the second after it.
	const next = Math.abs(server + 500 - receivedAt) < NOISE_MS ? 0 : server + 500 - receivedAt;
	if (next === offset) return;
	offset = next;
	try {
		globalThis.localStorage?.setItem(KEY, String(offset));
	} catch {
		// Private mode: the offset lasts until the page closes.
	}
}

/** This device's clock, corrected to the server's. */
export const serverNow = (): number => Date.now() + offset;
