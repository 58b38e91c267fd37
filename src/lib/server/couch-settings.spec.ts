import { describe, expect, it } from 'vitest';
import { checkCouchSessionSettings, sessionSettingWarnings } from './couch-settings';

/** `[chttpd_auth]` as couchdb/local.ini sets it. */
const good = { timeout: '604800', allow_persistent_cookies: 'true', same_site: 'lax' };
const ok = (body: unknown) => ({ status: 200, body });

describe('sessionSettingWarnings', () => {
	it('has nothing to say about the settings of couchdb/local.ini', () => {
		expect(sessionSettingWarnings(ok(good))).toEqual([]);
		expect(sessionSettingWarnings(ok({ ...good, same_site: 'Strict' }))).toEqual([]);
	});

	it('warns about a stock CouchDB: 600 s sessions and no SameSite', () => {
		const warnings = sessionSettingWarnings(ok({ authentication_db: '_users' }))!;
		expect(warnings).toHaveLength(2);
		expect(warnings[0]).toMatch(/after 600 s .*timeout is unset/);
		expect(warnings[1]).toMatch(/same_site is unset/);
	});

	it('warns about a timeout under one day, not at one day', () => {
		expect(sessionSettingWarnings(ok({ ...good, timeout: '86399' }))).toEqual([
			expect.stringMatching(/after 86399 s/)
		]);
		expect(sessionSettingWarnings(ok({ ...good, timeout: '86400' }))).toEqual([]);
		expect(sessionSettingWarnings(ok({ ...good, timeout: 'soon' }))).toEqual([
			expect.stringMatching(/not a number of seconds \(soon\)/)
		]);
	});

	it('warns when cookies are not persistent (CouchDB persists them unless told not to)', () => {
		expect(sessionSettingWarnings(ok({ ...good, allow_persistent_cookies: 'false' }))).toEqual([
			expect.stringMatching(/allow_persistent_cookies = false/)
		]);
		const { allow_persistent_cookies: _, ...unset } = good;
		expect(sessionSettingWarnings(ok(unset))).toEqual([]);
	});

	it('warns when same_site is none or not a value CouchDB knows', () => {
		for (const sameSite of ['none', 'None', 'relaxed', '']) {
			expect(sessionSettingWarnings(ok({ ...good, same_site: sameSite }))).toEqual([
				expect.stringMatching(/same_site/)
			]);
		}
	});

	it('takes a key missing from [chttpd_auth] from [couch_httpd_auth], as CouchDB does', () => {
		const legacy = ok({ timeout: '604800', same_site: 'strict' });
		expect(sessionSettingWarnings(ok({}), legacy)).toEqual([]);
		expect(sessionSettingWarnings(ok({ timeout: '600' }), legacy)).toHaveLength(1);
		expect(sessionSettingWarnings(ok({}), { status: 404, body: null })).toHaveLength(2);
	});

	it('cannot tell without a 200 and an object', () => {
		for (const status of [401, 403, 404, 500]) {
			expect(sessionSettingWarnings({ status, body: { error: 'x' } })).toBeNull();
		}
		expect(sessionSettingWarnings(ok(null))).toBeNull();
		expect(sessionSettingWarnings(ok(['timeout']))).toBeNull();
		expect(sessionSettingWarnings(ok('600'))).toBeNull();
	});
});

describe('checkCouchSessionSettings', () => {
	const admin = { user: 'admin', password: 's3cret:@' };

	/** A fetch that answers by section name, and the requests it saw. */
	function fakeFetch(answers: Record<string, { status: number; body: unknown } | Error>) {
		const seen: { url: string; authorization: string | null }[] = [];
		const impl = ((input: string, init?: RequestInit) => {
			seen.push({ url: input, authorization: new Headers(init?.headers).get('authorization') });
			const answer = answers[input.split('/').pop()!] ?? {
				status: 404,
				body: { error: 'not_found' }
			};
			if (answer instanceof Error) return Promise.reject(answer);
			return Promise.resolve(new Response(JSON.stringify(answer.body), { status: answer.status }));
		}) as typeof fetch;
		return { impl, seen };
	}

	async function run(answers: Parameters<typeof fakeFetch>[0]) {
		const lines: { level: string; msg: string }[] = [];
		const { impl, seen } = fakeFetch(answers);
		await checkCouchSessionSettings(
			'http://couch:5984',
			admin,
			(level, msg) => lines.push({ level, msg }),
			impl
		);
		return { lines, seen };
	}

	it('asks as server admin and logs one warn line per warning', async () => {
		const { lines, seen } = await run({ chttpd_auth: { status: 200, body: { timeout: '600' } } });
		expect(seen[0]).toEqual({
			url: 'http://couch:5984/_node/_local/_config/chttpd_auth',
			authorization: `Basic ${Buffer.from('admin:s3cret:@').toString('base64')}`
		});
		expect(seen[1]!.url).toBe('http://couch:5984/_node/_local/_config/couch_httpd_auth');
		expect(lines.map((l) => l.level)).toEqual(['warn', 'warn']);
		expect(lines.some((l) => l.msg.includes('s3cret'))).toBe(false);
	});

	it('logs nothing when the settings are right', async () => {
		const { lines } = await run({ chttpd_auth: { status: 200, body: good } });
		expect(lines).toEqual([]);
	});

	it('logs a single info line when CouchDB will not say or cannot be reached', async () => {
		for (const answer of [
			{ status: 401, body: { error: 'unauthorized' } },
			{ status: 403, body: { error: 'forbidden' } },
			{ status: 404, body: { error: 'not_found' } },
			new TypeError('fetch failed')
		]) {
			const { lines, seen } = await run({ chttpd_auth: answer });
			expect(lines).toHaveLength(1);
			expect(lines[0]!.level).toBe('info');
			expect(lines[0]!.msg).toMatch(/not checked/);
			expect(seen).toHaveLength(1);
		}
	});

	it('judges by [chttpd_auth] alone when [couch_httpd_auth] cannot be read', async () => {
		const { lines } = await run({
			chttpd_auth: { status: 200, body: good },
			couch_httpd_auth: new TypeError('socket hang up')
		});
		expect(lines).toEqual([]);
	});
});
