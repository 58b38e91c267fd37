/**
 * Start-up check of an external CouchDB's session settings. Without TaskFlow's
 * `couchdb/local.ini`, CouchDB ends a session after 10 minutes without a request, so crews
 * back from a day offline are asked to sign in again; this says so in the log instead of
 * leaving it to be found by users. Advisory only: it never stops the app from starting.
 */
import type { AdminCredentials } from './admin-credentials';

/** What `GET {couch}/_node/_local/_config/<section>` answered. */
export interface ConfigAnswer {
	status: number;
	body: unknown;
}

/** Sessions shorter than this make offline work end at a sign-in form. */
export const MIN_SESSION_SECONDS = 24 * 60 * 60;

/** CouchDB's `[chttpd_auth] timeout` when the setting is absent (CouchDB 3.5 docs). */
const COUCH_DEFAULT_TIMEOUT = 600;
const FIX = 'apply couchdb/local.ini (README, "Running on your own CouchDB")';

/**
 * Warnings about `[chttpd_auth]` as CouchDB answered it; `null` when the answer cannot tell
 * (not a 200 with an object: no admin rights, or a server without `/_node`, such as the
 * embedded one). `legacy` is `[couch_httpd_auth]`, which CouchDB 3.2+ still reads for a key
 * that `[chttpd_auth]` lacks, so a setting kept only there is not reported as missing.
 */
export function sessionSettingWarnings(
	answer: ConfigAnswer,
	legacy?: ConfigAnswer
): string[] | null {
	const section = settingsOf(answer);
	if (!section) return null;
	const fallback = (legacy && settingsOf(legacy)) ?? {};
	const get = (key: string): string | undefined => section[key] ?? fallback[key];
	const warnings: string[] = [];

	const rawTimeout = get('timeout');
	const timeout = rawTimeout === undefined ? COUCH_DEFAULT_TIMEOUT : Number(rawTimeout.trim());
	if (!Number.isInteger(timeout)) {
		warnings.push(
			`CouchDB's [chttpd_auth] timeout is not a number of seconds (${rawTimeout}); ${FIX}`
		);
	} else if (timeout < MIN_SESSION_SECONDS) {
		const why = rawTimeout === undefined ? 'unset, so CouchDB uses 600' : `${timeout}`;
		warnings.push(
			`CouchDB ends sessions after ${timeout} s without a request ([chttpd_auth] timeout is ${why}): ` +
				`anyone offline for longer must sign in again; ${FIX}`
		);
	}

	if (get('allow_persistent_cookies')?.trim().toLowerCase() === 'false') {
		warnings.push(
			`CouchDB's session cookie is not persistent ([chttpd_auth] allow_persistent_cookies = false): ` +
				`closing the browser signs people out; ${FIX}`
		);
	}

	const sameSite = get('same_site')?.trim().toLowerCase() ?? '';
	if (sameSite !== 'lax' && sameSite !== 'strict') {
		const is = sameSite ? `is "${sameSite}"` : 'is unset';
		warnings.push(
			`CouchDB's session cookie has no SameSite=Lax or Strict ([chttpd_auth] same_site ${is}), ` +
				`so some browsers send it with cross-site requests; ${FIX}`
		);
	}
	return warnings;
}

/** The section's settings (CouchDB sends every value as a string), or null. */
function settingsOf(answer: ConfigAnswer): Record<string, string> | null {
	const { status, body } = answer;
	if (status !== 200 || typeof body !== 'object' || body === null || Array.isArray(body)) {
		return null;
	}
	return Object.fromEntries(
		Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string')
	);
}

type Log = (level: 'info' | 'warn', msg: string) => void;

/**
 * Reads the session settings as server admin and logs each warning as one `warn` line; when
 * CouchDB does not say (refused, not found, unreachable), one `info` line. Never throws.
 */
export async function checkCouchSessionSettings(
	couchUrl: string,
	admin: AdminCredentials,
	log: Log,
	fetchImpl: typeof fetch = fetch
): Promise<void> {
	const authorization = `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`;
	const read = async (section: string): Promise<ConfigAnswer> => {
		const res = await fetchImpl(`${couchUrl}/_node/_local/_config/${section}`, {
			headers: { authorization, accept: 'application/json' },
			signal: AbortSignal.timeout(5000)
		});
		return { status: res.status, body: res.ok ? ((await res.json()) as unknown) : null };
	};
	try {
		const answer = await read('chttpd_auth');
		// Only a fallback: if it cannot be read, judge by [chttpd_auth] alone.
		const legacy =
			answer.status === 200 ? await read('couch_httpd_auth').catch(() => undefined) : undefined;
		const warnings = sessionSettingWarnings(answer, legacy);
		if (warnings === null) {
			log('info', `CouchDB session settings not checked (HTTP ${answer.status})`);
			return;
		}
		for (const warning of warnings) log('warn', warning);
	} catch (err) {
		const why = err instanceof Error ? err.message : String(err);
		log('info', `CouchDB session settings not checked (${why})`);
	}
}
