import { describe, expect, it } from 'vitest';
import { decideDoor } from './door-rules';

const WS = 'tf-ws-01hzx3k9q8r7m6n5p4v3w2y1ab';
const USER = 'tf-user-616c696365';

const verdict = (method: string, path: string, query = '') => {
	const d = decideDoor(method, path, query);
	return d.allow ? (d.adminOnly ? 'admin' : 'allow') : d.status;
};

describe('decideDoor', () => {
	it.each([
		['GET', '/'],
		['GET', '/_session'],
		['POST', '/_session'],
		['DELETE', '/_session'],
		['GET', '/_uuids'],
		['GET', `/${WS}`],
		['GET', `/${WS}/`],
		['HEAD', `/${USER}/`],
		['GET', `/${WS}/task:1`],
		['PUT', `/${WS}/task:1`],
		['DELETE', `/${WS}/task:1`],
		['PUT', `/${WS}/task:1/file.png`],
		['GET', `/${WS}/task:1/dir/file.png`],
		['GET', `/${WS}/_all_docs`],
		['POST', `/${WS}/_all_docs`],
		['POST', `/${WS}/_bulk_docs`],
		['POST', `/${WS}/_bulk_get`],
		['POST', `/${WS}/_revs_diff`],
		['GET', `/${WS}/_changes`],
		['POST', `/${WS}/_changes`],
		['GET', `/${WS}/_local/abc`],
		['PUT', `/${WS}/_local/abc`],
		['PUT', `/${WS}/_local%2Fabc`],
		['POST', `/${WS}/_find`],
		['POST', `/${WS}/_index`],
		['GET', `/${WS}/_index`],
		['POST', `/${WS}/_explain`],
		['GET', `/${WS}/_design_docs`],
		['GET', `/${WS}/_design/taskflow`],
		['GET', `/${WS}/_design%2Ftaskflow`],
		['GET', `/${WS}/_design/taskflow/_view/by_status`],
		['POST', `/${WS}/_design/taskflow/_view/by_status`],
		['GET', `/${WS}/_security`],
		['GET', '/_users/org.couchdb.user:alice'],
		['GET', '/_users/org.couchdb.user%3Aalice']
	])('allows %s %s', (method, path) => {
		expect(verdict(method, path)).toBe('allow');
	});

	it('lets _all_dbs through for admins only', () => {
		expect(verdict('GET', '/_all_dbs')).toBe('admin');
		expect(verdict('POST', '/_all_dbs')).toBe(403);
	});

	it.each([
		['GET', '/_config'],
		['GET', '/%5Fconfig'],
		['GET', '/%5fconfig/admins'],
		['PUT', '/_config/admins/eve'],
		['GET', '/_node/_local/_config'],
		['GET', '/_utils'],
		['POST', '/_replicate'],
		['GET', '/_scheduler/jobs'],
		['GET', '/_active_tasks'],
		['GET', '/_membership'],
		['POST', '/_cluster_setup'],
		['GET', '/_db_updates'],
		['POST', '/_dbs_info'],
		['GET', '/_stats'],
		['POST', '/_restart'],
		['GET', '/_reshard'],
		['GET', '/_whatever'],
		['PUT', '/_session'],
		['POST', '/_uuids'],
		['PUT', `/${WS}`],
		['PUT', `/${WS}/`],
		['DELETE', `/${WS}`],
		['POST', `/${WS}`],
		['COPY', `/${WS}`],
		['COPY', `/${WS}/task:1`],
		['PUT', '/tf-ws-new'],
		['GET', '/tf-registry'],
		['GET', '/tf-registry/setup'],
		['GET', '/_replicator'],
		['GET', '/_global_changes'],
		['GET', '/tf-ws-01HZX3K9Q8R7M6N5P4V3W2Y1AB'],
		['GET', '/tf-user-xyz'],
		['PUT', `/${WS}/_security`],
		['PUT', `/${WS}/_design/taskflow`],
		['PUT', `/${WS}/_design%2Ftaskflow`],
		['DELETE', `/${WS}/_design/taskflow`],
		['PUT', `/${WS}/_design/taskflow/att.js`],
		['POST', `/${WS}/_purge`],
		['POST', `/${WS}/_compact`],
		['POST', `/${WS}/_compact/taskflow`],
		['POST', `/${WS}/_view_cleanup`],
		['PUT', `/${WS}/_revs_limit`],
		['POST', `/${WS}/_design/taskflow/_update/fn`],
		['GET', `/${WS}/_design/taskflow/_show/fn/doc`],
		['GET', `/${WS}/_design/taskflow/_list/l/v`],
		['GET', `/${WS}/_design/taskflow/_rewrite/x`],
		['GET', `/${WS}/_temp_view`],
		['POST', `/${WS}/_ensure_full_commit`],
		['GET', `/${WS}/_weird`],
		['PUT', '/_users/org.couchdb.user:alice'],
		['DELETE', '/_users/org.couchdb.user:alice'],
		['POST', '/_users'],
		['GET', '/_users'],
		['GET', '/_users/_all_docs'],
		['POST', '/_users/_bulk_docs'],
		['GET', '/_users/_changes'],
		['OPTIONS', `/${WS}/task:1`]
	])('refuses %s %s with 403', (method, path) => {
		expect(verdict(method, path)).toBe(403);
	});

	it.each([
		['GET', `/${WS}/_changes`, 'filter=_selector'],
		['POST', `/${WS}/_changes`, 'feed=longpoll&filter=%5Fselector'],
		['GET', `/${WS}/_changes`, 'filter=_doc_ids&filter=_selector']
	])('refuses selector-filtered changes %s %s?%s', (method, path, query) => {
		expect(verdict(method, path, query)).toBe(403);
	});

	it('allows other changes filters', () => {
		expect(verdict('POST', `/${WS}/_changes`, 'filter=_doc_ids&feed=longpoll')).toBe('allow');
	});

	it.each([
		`/${WS}/../_config`,
		`/${WS}/%2E%2E/_config`,
		`/${WS}/./x`,
		`//_config`,
		`/${WS}//x`,
		`/${WS}/%2F/x`,
		`/${WS}/%zz`,
		`/${WS}/a%5Cb`,
		`/${WS}/_design/`,
		`/${WS}/_design/x/_view`,
		`/${WS}/_local/`,
		'_config'
	])('refuses malformed path %s with 400', (path) => {
		expect(verdict('GET', path)).toBe(400);
	});
});
