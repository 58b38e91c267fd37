import { describe, expect, it } from 'vitest';
import { serverPathPatterns, serverRoutes } from './server-paths';

describe('serverPathPatterns', () => {
	const matches = (base: string, path: string) =>
		serverPathPatterns(base).some((re) => re.test(path));

	it('matches the proxy, the API and the operations endpoints', () => {
		for (const path of [
			'/db/',
			'/db/tf-ws-1/_changes',
			'/api/session',
			'/healthz',
			'/readyz',
			'/metrics'
		]) {
			expect(matches('', path), path).toBe(true);
		}
	});

	it('leaves the app’s own pages alone, including look-alikes', () => {
		for (const path of [
			'/',
			'/w/1/p/2',
			'/dbx',
			'/database',
			'/healthz/more',
			'/metrics.json',
			'/apis'
		]) {
			expect(matches('', path), path).toBe(false);
		}
	});

	it('honours a base path, literally', () => {
		expect(matches('/tf', '/tf/db/x')).toBe(true);
		expect(matches('/tf', '/db/x')).toBe(false);
		expect(matches('/t.f', '/tXf/db/x')).toBe(false);
	});
});

describe('serverRoutes', () => {
	it('sends each server path to the network, under the base path', () => {
		const routes = serverRoutes('/tf');
		expect(routes.map((r) => r.condition.urlPattern.pathname)).toEqual([
			'/tf/db/*',
			'/tf/api/*',
			'/tf/healthz',
			'/tf/readyz',
			'/tf/metrics'
		]);
		expect(new Set(routes.map((r) => r.source))).toEqual(new Set(['network']));
	});
});
