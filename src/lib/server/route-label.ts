/**
 * A low-cardinality name for a request path, for metrics: database names, document ids
 * and tokens never become label values.
 */
const DB_ENDPOINTS = new Set([
	'_changes',
	'_bulk_docs',
	'_bulk_get',
	'_revs_diff',
	'_all_docs',
	'_find',
	'_index',
	'_local',
	'_design'
]);

export function routeLabel(path: string): string {
	if (path === '/healthz' || path === '/readyz' || path === '/metrics') return path.slice(1);
	if (path === '/db/_session') return 'db_session';
	const db = /^\/db\/[^/]+(?:\/([^/]+))?/.exec(path);
	if (db) {
		const part = db[1];
		if (!part) return 'db_info';
		return DB_ENDPOINTS.has(part) ? `db${part}` : 'db_doc';
	}
	if (path === '/db' || path.startsWith('/db/')) return 'db_other';
	if (path === '/api' || path.startsWith('/api/')) return 'api';
	if (path.startsWith('/_app/') || path === '/service-worker.js') return 'assets';
	return 'page';
}
