import { describe, expect, it } from 'vitest';
import { routeLabel } from './route-label';

describe('routeLabel', () => {
	it('names database endpoints without database names or document ids', () => {
		expect(routeLabel('/db/tf-ws-01abc/_changes')).toBe('db_changes');
		expect(routeLabel('/db/tf-ws-01abc/_bulk_docs')).toBe('db_bulk_docs');
		expect(routeLabel('/db/tf-ws-01abc/_local/abc123')).toBe('db_local');
		expect(routeLabel('/db/tf-ws-01abc/task:01J0')).toBe('db_doc');
		expect(routeLabel('/db/tf-ws-01abc')).toBe('db_info');
		expect(routeLabel('/db/_session')).toBe('db_session');
	});

	it('groups the API, assets, pages and operations endpoints', () => {
		expect(routeLabel('/api/invites/secret-token')).toBe('api');
		expect(routeLabel('/_app/immutable/entry/app.js')).toBe('assets');
		expect(routeLabel('/w/01abc/p/01DEF')).toBe('page');
		expect(routeLabel('/readyz')).toBe('readyz');
		expect(routeLabel('/metrics')).toBe('metrics');
	});
});
