/**
 * Who may write what in a user's private database (`tf-user-<hex name>`): the body of its
 * `validate_doc_update`. ES5 and self-contained like `workspace-rules.js`. `_security` already
 * keeps everyone but the user (and server admins) out; this keeps the user to documents the
 * app understands: their `prefs`, schema-checked. `notification:` documents are written by
 * the server; the user may only mark them read (`readAt`) or delete them.
 *
 * @param {any} newDoc
 * @param {any} oldDoc
 * @param {{ name: string | null, roles: string[], db?: string }} userCtx
 * @param {Record<string, any>} schemas JSON Schema per document `type`
 * @param {number} maxDocBytes
 * @param {(schema: any, value: any, path: string) => string | null} checkJsonSchema
 */
export function userRules(newDoc, oldDoc, userCtx, schemas, maxDocBytes, checkJsonSchema) {
	var isAdmin = (userCtx.roles || []).indexOf('_admin') !== -1;
	var old = oldDoc && !oldDoc._deleted ? oldDoc : null;
	/** @type {Record<string, unknown>} */
	var body = {};
	var key, err, hex, i, bytes;

	if (!isAdmin) {
		if (!userCtx.name) throw { unauthorized: 'sign in to write your preferences' };
		bytes = unescape(encodeURIComponent(userCtx.name));
		hex = '';
		for (i = 0; i < bytes.length; i++) hex += (bytes.charCodeAt(i) + 0x100).toString(16).slice(1);
		if (userCtx.db !== 'tf-user-' + hex) throw { unauthorized: 'this is not your database' };
	}
	if (newDoc._id.indexOf('_design/') === 0) {
		if (!isAdmin) throw { unauthorized: 'design documents are deployed by the server' };
		return;
	}
	if (newDoc._id.indexOf('notification:') === 0 && !isAdmin) {
		if (newDoc._deleted === true) return;
		if (!old) throw { forbidden: 'notification.doc: notifications come from the server' };
		for (key in newDoc) {
			if (key.charAt(0) === '_' || key === 'readAt') continue;
			if (JSON.stringify(newDoc[key]) !== JSON.stringify(old[key])) {
				throw { forbidden: 'notification.' + key + ': only readAt may change' };
			}
		}
		for (key in old) {
			if (key.charAt(0) !== '_' && key !== 'readAt' && !(key in newDoc)) {
				throw { forbidden: 'notification.' + key + ': only readAt may change' };
			}
		}
		return;
	}
	if (newDoc._deleted === true) return;
	err = pollutingKey(newDoc, 'doc', 0);
	if (err) throw { forbidden: err };
	for (key in newDoc) {
		if (key.charAt(0) !== '_' || key === '_id') body[key] = newDoc[key];
	}
	if (isAdmin && newDoc._id.indexOf('notification:') === 0) return;
	if (!Object.prototype.hasOwnProperty.call(schemas, newDoc.type)) {
		throw { forbidden: 'doc.type: unknown document type ' + JSON.stringify(newDoc.type) };
	}
	if (unescape(encodeURIComponent(JSON.stringify(body))).length > maxDocBytes) {
		throw { forbidden: newDoc.type + '.(document): larger than ' + maxDocBytes + ' bytes' };
	}
	err = checkJsonSchema(schemas[newDoc.type], body, '');
	if (err) throw { forbidden: newDoc.type + '.' + err };
	if (!isAdmin && newDoc.createdBy !== userCtx.name) {
		throw { forbidden: newDoc.type + '.createdBy: must be you' };
	}

	/** @param {any} v @param {string} at @param {number} depth @returns {string | null} */
	function pollutingKey(v, at, depth) {
		var k, found;
		if (v === null || typeof v !== 'object') return null;
		if (depth > 8) return at + ': nested too deeply';
		for (k in v) {
			if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
			if (k === '__proto__' || k === 'constructor' || k === 'prototype') {
				return at + '.' + k + ': key is not allowed';
			}
			found = pollutingKey(v[k], at + '.' + k, depth + 1);
			if (found) return found;
		}
		return null;
	}
}
