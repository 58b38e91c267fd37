import { describe, expect, it } from 'vitest';
import { splitPath } from './db-door';
import { decide, type DoorRoute } from './door-routes';

const WS = 'tf-ws-01hzx3k9q8r7m6n5p4v3w2y1ab';
const USER = 'tf-user-616c696365';
const CHECKPOINT = 'o0e6u1Y7ZyZr6VnV8JLxXw==';

/** The route's name and access, or the refusal's status. */
function verdict(method: string, rawPath: string, query = ''): string | number {
	const segments = splitPath(rawPath);
	if (typeof segments === 'string') return 400;
	const d = decide(method, segments, query);
	return 'status' in d ? d.status : `${d.name}:${d.access}`;
}

const route = (method: string, rawPath: string, query = '') =>
	decide(method, splitPath(rawPath) as string[], query) as DoorRoute;

describe('the door table', () => {
	it.each([
		['GET', '/_session', 'session:anyone'],
		['POST', '/_session', 'session:anyone'],
		['DELETE', '/_session', 'session:anyone'],
		['GET', '/', 'root:signed-in'],
		['GET', `/${WS}`, 'db:read'],
		['GET', `/${WS}/`, 'db:read'],
		['HEAD', `/${USER}/`, 'db:read'],
		['GET', `/${WS}/task:1`, 'doc:read'],
		['PUT', `/${WS}/task:1`, 'doc:write'],
		['DELETE', `/${WS}/task:1`, 'doc:write'],
		['GET', `/${WS}/attachment:1/file`, 'attachment:read'],
		['GET', `/${WS}/_all_docs`, 'all_docs:read'],
		['POST', `/${WS}/_all_docs`, 'all_docs:read'],
		['POST', `/${WS}/_bulk_docs`, 'bulk_docs:write'],
		['POST', `/${WS}/_bulk_get`, 'bulk_get:read'],
		['POST', `/${WS}/_revs_diff`, 'revs_diff:read'],
		['GET', `/${WS}/_changes`, 'changes:read'],
		['POST', `/${WS}/_changes`, 'changes:read'],
		['GET', `/${WS}/_local/${CHECKPOINT}`, 'local:read'],
		['PUT', `/${WS}/_local/${CHECKPOINT}`, 'local:write'],
		['PUT', `/${WS}/_local%2F${encodeURIComponent(CHECKPOINT)}`, 'local:write'],
		['GET', `/${WS}/_design/taskflow/_view/tasks_by_status`, 'view:read'],
		['GET', `/${WS}/_design%2Ftaskflow/_view/tasks_by_status`, 'view:read'],
		['POST', `/${WS}/_design/taskflow/_view/tasks_by_status`, 'view:read'],
		['GET', `/${WS}/_design/taskflow`, 'design_doc:read'],
		['GET', `/${WS}/_design%2Ftaskflow`, 'design_doc:read']
	])('lets %s %s through as %s', (method, path, expected) => {
		expect(verdict(method, path)).toBe(expected);
	});

	it.each([
		// Server administration and everything CouchDB has beyond what TaskFlow needs.
		['GET', '/_config'],
		['GET', '/%5Fconfig'],
		['PUT', '/_config/admins/mallory'],
		['GET', '/_node/_local/_config'],
		['GET', '/_all_dbs'],
		['GET', '/_uuids'],
		['GET', '/_utils/'],
		['POST', '/_replicate'],
		['GET', '/_scheduler/jobs'],
		['GET', '/_active_tasks'],
		['GET', '/_membership'],
		['GET', '/_db_updates'],
		['POST', '/_dbs_info'],
		['GET', '/_up'],
		['GET', '/_users/org.couchdb.user:alice'],
		['GET', '/_users/_all_docs'],
		['GET', '/tf-registry/_all_docs'],
		['GET', '/_replicator'],
		['GET', '/evil'],
		['GET', `/${WS}x`],
		// Database-level writes, security, design documents, Mango and maintenance.
		['PUT', `/${WS}`],
		['DELETE', `/${WS}`],
		['POST', `/${WS}`],
		['COPY', `/${WS}/task:1`],
		['GET', `/${WS}/_security`],
		['PUT', `/${WS}/_security`],
		['PUT', `/${WS}/_design/taskflow`],
		['GET', `/${WS}/_design/other`],
		['PUT', `/${WS}/_design/evil`],
		['PUT', `/${WS}/_design%2Fevil`],
		['DELETE', `/${WS}/_design/taskflow`],
		['GET', `/${WS}/_design/taskflow/_view/nope`],
		['GET', `/${USER}/_design/taskflow/_view/tasks_by_status`],
		['GET', `/${WS}/_design/other/_view/tasks_by_status`],
		['GET', `/${WS}/_design/taskflow/_info`],
		['POST', `/${WS}/_design/taskflow/_update/x`],
		['GET', `/${WS}/_design/taskflow/_show/x`],
		['GET', `/${WS}/_design/taskflow/_list/x/y`],
		['GET', `/${WS}/_design/taskflow/_rewrite/x`],
		['GET', `/${WS}/_design_docs`],
		['POST', `/${WS}/_find`],
		['POST', `/${WS}/_explain`],
		['POST', `/${WS}/_index`],
		['GET', `/${WS}/_index`],
		['POST', `/${WS}/_purge`],
		['POST', `/${WS}/_compact`],
		['POST', `/${WS}/_view_cleanup`],
		['PUT', `/${WS}/_revs_limit`],
		['GET', `/${WS}/_local/_security`],
		['PUT', `/${WS}/_local/_security`],
		['DELETE', `/${WS}/_local/_security`],
		['PUT', `/${WS}/_local%2F_security`],
		['PUT', `/${WS}/_local/taskflow-reminders`],
		['GET', `/${WS}/_local/a/b`],
		['PUT', `/${WS}/task:1/file.png`],
		['DELETE', `/${WS}/task:1/file.png`],
		['GET', `/${WS}/_something`],
		['GET', `/${WS}/attachment:1/_x`]
	])('refuses %s %s', (method, path) => {
		expect(verdict(method, path)).toEqual(expect.any(Number));
	});

	it('keeps server checkpoints out of reach whatever the case', () => {
		expect(verdict('PUT', `/${WS}/_local/TaskFlow-reminders`)).toBe(403);
	});

	it('answers 405 with Allow for a known path and a wrong method', () => {
		const d = decide('PUT', [WS, '_changes'], '');
		expect(d).toMatchObject({ status: 405, allow: 'GET, POST' });
	});

	it.each([
		['/x/../_config'],
		['/x/%2E%2E/_config'],
		['/x//y'],
		['/x/%zz'],
		['/x/a%00b'],
		[`/${WS}/_design%2F..%2F..%2F_config`]
	])('refuses the malformed or traversing path %s', (path) => {
		expect(verdict('GET', path)).toBe(400);
	});

	it('re-encodes the path so that CouchDB never redirects it', () => {
		expect(route('GET', `/${WS}/_design%2Ftaskflow/_view/tasks_by_status`).path).toBe(
			`/${WS}/_design/taskflow/_view/tasks_by_status`
		);
		expect(route('GET', `/${WS}/task%3A1`).path).toBe(`/${WS}/task%3A1`);
	});
});

describe('the door table: query parameters', () => {
	it('passes the parameters replication uses, with heartbeat and timeout bounded', () => {
		const r = route(
			'GET',
			`/${WS}/_changes`,
			'style=all_docs&since=12-g1AAAA&limit=500&feed=longpoll&heartbeat=100&timeout=999999&filter=taskflow%2Fdocs&seq_interval=500&_nonce=1'
		);
		const q = new URLSearchParams(r.query);
		expect(Object.fromEntries(q)).toEqual({
			style: 'all_docs',
			since: '12-g1AAAA',
			limit: '500',
			feed: 'longpoll',
			heartbeat: '5000',
			timeout: '60000',
			filter: 'taskflow/docs',
			seq_interval: '500'
		});
		expect(r.feed).toBe(true);
	});

	it.each([
		['filter=_selector'],
		['filter=%5Fselector'],
		['filter=_view&view=taskflow/x'],
		['filter=taskflow/evil'],
		['filter=other/docs'],
		['feed=continuous'],
		['feed=eventsource'],
		['since=a%0Ab'],
		['limit=-1'],
		['heartbeat=abc'],
		['include_docs=yes'],
		['doc_ids=%5B%22a%22%5D'],
		['style=all_docs&style=main_only'],
		['whatever=1']
	])('refuses _changes?%s', (query) => {
		expect(verdict('GET', `/${WS}/_changes`, query)).toBe(400);
	});

	it('allows no replication filter on a private database but _doc_ids', () => {
		expect(verdict('GET', `/${USER}/_changes`, 'filter=taskflow%2Fdocs')).toBe(400);
		expect(verdict('GET', `/${USER}/_changes`, 'filter=_doc_ids&doc_ids=%5B%22prefs%22%5D')).toBe(
			'changes:read'
		);
	});

	it('lets only rev through on writes', () => {
		expect(verdict('PUT', `/${WS}/task:1`, 'rev=1-abc')).toBe('doc:write');
		expect(verdict('PUT', `/${WS}/task:1`, 'new_edits=false')).toBe(400);
		expect(verdict('PUT', `/${WS}/task:1`, 'revs=true')).toBe(400);
		expect(verdict('DELETE', `/${WS}/task:1`, 'rev=nope')).toBe(400);
		expect(verdict('GET', `/${WS}/task:1`, 'open_revs=all&revs=true&latest=true')).toBe('doc:read');
		expect(verdict('GET', `/${WS}/task:1`, 'open_revs=%5B1')).toBe(400);
	});
});
