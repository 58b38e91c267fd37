/**
 * CouchDB query parameters as PouchDB options, for `_all_docs` and views: only the options
 * each endpoint knows, with values checked (a bad one is a 400, never a crash).
 */
import { badRequest, isObject, Query } from './http-kit';

type Options = Record<string, unknown>;

function pick(q: Query, out: Options, json: string[], bool: string[], int: string[]): Options {
	for (const name of json) {
		const v = q.json(name);
		if (v !== undefined) {
			out[name.replace('start_key', 'startkey').replace('end_key', 'endkey')] = v;
		}
	}
	for (const name of bool) {
		const v = q.bool(name);
		if (v !== undefined) out[name] = v;
	}
	for (const name of int) {
		const v = q.int(name);
		if (v !== undefined) out[name] = v;
	}
	return out;
}

const KEYS = ['key', 'keys', 'startkey', 'endkey', 'start_key', 'end_key'];

/** Options of `_all_docs` (GET query, plus `keys` from a POST body). */
export function allDocsOptions(q: Query, body?: unknown): Options {
	const out = pick(
		q,
		{},
		KEYS,
		['include_docs', 'conflicts', 'descending', 'inclusive_end', 'update_seq', 'attachments'],
		['limit', 'skip']
	);
	return withBodyKeys(out, body);
}

/** Options of a view query (GET query, plus `keys` from a POST body). */
export function viewOptions(q: Query, body?: unknown): Options {
	const out = pick(
		q,
		{},
		KEYS,
		['include_docs', 'conflicts', 'descending', 'inclusive_end', 'update_seq', 'reduce', 'group'],
		['limit', 'skip', 'group_level']
	);
	const stale = q.string('stale');
	if (stale !== undefined) {
		if (stale !== 'ok' && stale !== 'update_after') {
			throw badRequest('stale must be ok or update_after');
		}
		out.stale = stale;
	}
	const update = q.string('update');
	if (update === 'false' || update === 'lazy') {
		out.stale = update === 'false' ? 'ok' : 'update_after';
	}
	return withBodyKeys(out, body);
}

function withBodyKeys(out: Options, body: unknown): Options {
	if (body === undefined) return checkKeys(out);
	if (!isObject(body)) throw badRequest('Request body must be a JSON object');
	if (body.keys !== undefined) out.keys = body.keys;
	return checkKeys(out);
}

function checkKeys(out: Options): Options {
	if (out.keys !== undefined) {
		if (!Array.isArray(out.keys)) throw badRequest('`keys` must be an array');
		if (out.keys.length > 10_000) throw badRequest('at most 10,000 keys');
	}
	if (typeof out.limit === 'number' && out.limit > 1_000_000) out.limit = 1_000_000;
	return out;
}
